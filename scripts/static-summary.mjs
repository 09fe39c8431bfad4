// The short summary index.html shows before the wasm has loaded and when JavaScript is
// off: the key numbers as text, in English and Chinese, read from the data pack.
import { factValue as n } from './facts.mjs';

const p = (id) => `${n(id)}%`;

export function staticSummary() {
  const en = [
    `In AMiner's AI 2000 global top 100 (2024), ${n('sh24_top100_us_count')} scholars work in the United States and ${n('sh24_top100_china_count')} in China.`,
    `Among top-tier NeurIPS authors (MacroPolo), those with a Chinese undergraduate degree rose from ${p('mp19_origin_share_china')} (2019) to ${p('mp22_origin_share_china')} (2022); the share working in the US fell from ${p('mp19_work_share_us')} to ${p('mp22_work_share_us')}, and in China rose from ${p('mp19_work_share_china')} to ${p('mp22_work_share_china')}.`,
    `At US institutions, China-undergraduate researchers went from ${p('mp19_us_inst_origin_share_china')} to ${p('mp22_us_inst_origin_share_china')}, US-undergraduate ones from ${p('mp19_us_inst_origin_share_us')} to ${p('mp22_us_inst_origin_share_us')}.`,
    `Of ${n('cg25_cohort_size')} China-origin researchers at US institutions in 2019, ${n('cg25_still_us')} were still in the US in 2025 (Carnegie).`,
    `Of ${n('hv25_authors_with_affiliation_history')} DeepSeek authors with known careers, ${n('hv25_never_left_china')} never left China (Hoover).`,
  ];
  const zh = [
    `在 AMiner AI 2000 全球前100名（2024年）中，${n('sh24_top100_us_count')}位学者在美国工作，${n('sh24_top100_china_count')}位在中国。`,
    `在 NeurIPS 顶尖作者中（MacroPolo），本科毕业于中国者从${p('mp19_origin_share_china')}（2019年）升至${p('mp22_origin_share_china')}（2022年）；在美国工作的比例从${p('mp19_work_share_us')}降至${p('mp22_work_share_us')}，在中国工作的比例从${p('mp19_work_share_china')}升至${p('mp22_work_share_china')}。`,
    `在美国机构中，本科毕业于中国的研究者从${p('mp19_us_inst_origin_share_china')}升至${p('mp22_us_inst_origin_share_china')}，本科毕业于美国的从${p('mp19_us_inst_origin_share_us')}升至${p('mp22_us_inst_origin_share_us')}。`,
    `2019年在美国机构的${n('cg25_cohort_size')}名中国出身研究者中，${n('cg25_still_us')}人在2025年仍在美国（卡内基）。`,
    `在职业经历可考的${n('hv25_authors_with_affiliation_history')}名 DeepSeek 作者中，${n('hv25_never_left_china')}人从未离开中国（胡佛研究所）。`,
  ];
  const list = (items) => items.map((item) => `<li>${item}</li>`).join('');
  return `<div id="static-summary" class="static-summary">
      <h1>AI Talent Atlas · <span lang="zh-Hans">全球AI人才图谱</span></h1>
      <p>The interactive charts need JavaScript and WebAssembly; the key numbers are below. <span lang="zh-Hans">交互图表需要 JavaScript 与 WebAssembly；主要数据如下。</span></p>
      <ul>${list(en)}</ul>
      <ul lang="zh-Hans">${list(zh)}</ul>
    </div>`;
}
