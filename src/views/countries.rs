//! Where top AI talent comes from and where it works, by country.

use super::bar_data::{bar_groups, bar_table, series_names};
use super::checks_panel::ChecksPanel;
use crate::chart_frame::ChartFrame;
use crate::charts::bars::BarChart;
use crate::i18n::{messages, Lang, Msg};
use crate::state::use_app_state;
use leptos::prelude::*;
use talent_core::format;
use talent_core::model::checks::{D01, D02};
use talent_core::series::countries::{
    ai2000_editions, origin_vs_work, researcher_pool, top100_by_country, top100_by_sector,
    us_institutions_by_origin, Tier, MACROPOLO_YEARS,
};
use talent_core::series::BarSeries;
use talent_core::Dataset;

messages! { CountriesMsg {
    Intro => "Which countries produce top AI researchers, which employ them, and how that changed. Click a bar to highlight its country in every chart; press Enter on a focused bar to do the same.",
        "哪些国家培养了顶尖AI研究者、哪些国家雇用他们，以及这些如何变化。点击条形可在本页所有图表中突出显示该国；聚焦条形后按回车键效果相同。";
    SectorTitle => "US and Chinese top-100 scholars by sector", "前100名中美国与中国学者的部门分布";
    SectorSubtitle => "Scholars of the AI 2000 global top 100 in each country, by sector, 2024",
        "AI 2000 全球前100名中两国学者按部门统计（2024年）";
    SectorCaveat => "The seed calls the US industry group 'about two thirds'; the app's check below shows it is not, and that the seed leaves some US scholars unplaced.",
        "原文称美国产业界学者“约占三分之二”；下方的核查显示并非如此，且原文有部分美国学者未说明去向。";
    OriginTitle => "Where top-tier AI researchers come from and where they work", "顶尖AI研究者的来源国与工作国";
    OriginSubtitleTop => "MacroPolo, NeurIPS authors, top tier (about the top 20%): share by undergraduate country and by employer's country",
        "MacroPolo，NeurIPS 作者，顶尖层级（约前20%）：按本科所在国与雇主所在国统计的占比";
    OriginSubtitleElite => "MacroPolo, NeurIPS oral-paper authors, most elite tier: share by undergraduate country and by employer's country",
        "MacroPolo，NeurIPS 口头报告论文作者，最顶尖层级：按本科所在国与雇主所在国统计的占比";
    OriginCaveatTop => "The undergraduate country stands in for origin; it is not nationality. Work means the headquarters country of the employer. Shares come from one conference sample.",
        "本科所在国被用作“来源”的替代指标，并非国籍；“工作”指雇主总部所在国。占比来自单一会议的抽样。";
    OriginCaveatElite => "The most elite tier was redefined: about the top 0.5% of authors in 2019 (oral papers) and about the top 2% in 2022, so the two years are not like-for-like (discrepancy d13).",
        "“最顶尖”层级的定义发生了变化：2019年约为前0.5%（口头报告论文作者），2022年约为前2%，两年数据不可直接比较（见不一致之处 d13）。";
    Year => "Year", "年份";
    Tier => "Tier", "层级";
    TopTier => "Top tier (~20%)", "顶尖层级（约20%）";
    Elite => "Most elite", "最顶尖层级";
    Sort => "Sort by origin share", "按来源占比排序";
    SampleOf => "Sample", "样本";
    SampleNotReported => "sample size not reported", "样本量未报告";
    UsInstTitle => "Who works at US institutions, by origin", "在美国机构工作的顶尖研究者来自哪里";
    UsInstSubtitle => "MacroPolo top tier, researchers at US-headquartered institutions, share by undergraduate country, 2019 and 2022",
        "MacroPolo 顶尖层级，在美国总部机构工作的研究者按本科所在国统计的占比（2019年与2022年）";
    UsInstCaveat => "China-undergraduate researchers overtook US-undergraduate ones at US institutions. The 2022 edition does not give the other origins.",
        "在美国机构中，本科毕业于中国的研究者已超过本科毕业于美国的研究者。2022年版未给出其他来源国的数据。";
    PoolTitle => "How many AI researchers: China and the US", "AI研究人员规模：中国与美国";
    PoolSubtitle => "AI researchers counted from papers (ITPO/Dongbi 2025) and active AI researchers (Digital Science 2025)",
        "基于论文统计的AI研究人员（ITPO/东壁 2025）与活跃AI研究人员（Digital Science 2025）";
    PoolCaveat => "The two reports use different databases and definitions; do not compare their counts. The stated growth rate does not follow from the stated endpoints (check below).",
        "两份报告使用不同的数据库与定义，其人数不可直接比较。原文所称的增长率与其给出的起止数值不符（见下方核查）。";
    EditionsTitle => "US and China in the AI 2000 lists, 2020 to 2023", "AI 2000 榜单中的美国与中国（2020—2023年）";
    EditionsSubtitle => "Share of the AI 2000 list (top 100 in each of 20 subfields), by country of institution",
        "AI 2000 榜单（20个子领域各前100名）中按机构所在国统计的占比";
    EditionsCaveat => "2020 and 2021 shares are of unique scholars; 2022 gives no country shares; 2023 counts person-times, derived here over the 2,000 places.",
        "2020与2021年为去重学者占比；2022年未给出国家占比；2023年为人次，此处按2000个名额推算。";
    AminerSource => "Shanghai S&T Development Research Center brief 2024 No. 5 (seed 000), AMiner AI 2000 data",
        "上海科技发展研究中心《科技发展研究》2024年第5期（种子文献000），AMiner AI 2000 数据";
    MacroPoloSource => "MacroPolo Global AI Talent Tracker 1.0 (2020) and 2.0 (2024); seeds 001, 002, 004",
        "MacroPolo 全球AI人才追踪 1.0（2020）与 2.0（2024）；种子文献001、002、004";
    PoolSource => "UNIDO ITPO China & Dongbi Data (2025), seed 003; Digital Science (2025)",
        "联合国工发组织投资和技术促进办公室（中国）与东壁数据（2025），种子文献003；Digital Science（2025）";
    EditionsSource => "AMiner / Tsinghua AI 2000 lists 2020–2023, via press coverage (supplementary)",
        "AMiner / 清华 AI 2000 榜单（2020—2023），据媒体报道（补充数据）";
}}

/// The Countries page.
#[component]
pub fn CountriesView() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let (year, tier, sorted, highlight) = (state.year, state.tier, state.sorted, state.highlight);
    let t = move |msg: CountriesMsg| Signal::derive(move || msg.text(lang.get()).to_string());
    let data = Dataset::embedded();

    let origin = Memo::new(move |_| {
        let series = origin_vs_work(data, year.get(), tier.get());
        if sorted.get() {
            series.sorted_by_value()
        } else {
            series
        }
    });
    let origin_subtitle = Signal::derive(move || {
        let lang = lang.get();
        let series = origin.get();
        let base = match tier.get() {
            Tier::TopTier => CountriesMsg::OriginSubtitleTop,
            Tier::Elite => CountriesMsg::OriginSubtitleElite,
        };
        with_sample(
            &format!("{}, {}", base.text(lang), series.year),
            series.sample,
            lang,
        )
    });
    let origin_caveat = Signal::derive(move || {
        match tier.get() {
            Tier::TopTier => CountriesMsg::OriginCaveatTop,
            Tier::Elite => CountriesMsg::OriginCaveatElite,
        }
        .text(lang.get())
        .to_string()
    });

    view! {
        <section class="view" data-testid="view-countries">
            <h1>{move || Msg::NavCountries.text(lang.get())}</h1>
            <p class="intro">{move || CountriesMsg::Intro.text(lang.get())}</p>
            <BarFigure
                id="top100"
                series=Memo::new(move |_| top100_by_country(data, lang.get())).into()
                title=Signal::derive(move || Msg::Top100Title.text(lang.get()).to_string())
                subtitle=Signal::derive(move || with_sample(Msg::Top100Subtitle.text(lang.get()), data.number("sh24_top100_sample_size"), lang.get()))
                caveat=Signal::derive(move || Msg::Top100Caveat.text(lang.get()).to_string())
                source=t(CountriesMsg::AminerSource)
                highlight=highlight
            />
            <BarFigure
                id="sectors"
                series=Memo::new(move |_| top100_by_sector(data, lang.get())).into()
                title=t(CountriesMsg::SectorTitle)
                subtitle=t(CountriesMsg::SectorSubtitle)
                caveat=t(CountriesMsg::SectorCaveat)
                source=t(CountriesMsg::AminerSource)
                highlight=highlight
            >
                <ChecksPanel id=D02 />
            </BarFigure>
            <div class="controls" role="group" aria-label=move || CountriesMsg::OriginTitle.text(lang.get())>
                <fieldset>
                    <legend>{move || CountriesMsg::Year.text(lang.get())}</legend>
                    {MACROPOLO_YEARS.into_iter().map(|y| view! {
                        <button
                            data-testid=format!("year-{y}")
                            aria-pressed=move || (year.get() == y).to_string()
                            on:click=move |_| year.set(y)
                        >{y}</button>
                    }).collect_view()}
                </fieldset>
                <fieldset>
                    <legend>{move || CountriesMsg::Tier.text(lang.get())}</legend>
                    {[(Tier::TopTier, CountriesMsg::TopTier, "top"), (Tier::Elite, CountriesMsg::Elite, "elite")].into_iter().map(|(value, name, code)| view! {
                        <button
                            data-testid=format!("tier-{code}")
                            aria-pressed=move || (tier.get() == value).to_string()
                            on:click=move |_| tier.set(value)
                        >{move || name.text(lang.get())}</button>
                    }).collect_view()}
                </fieldset>
                <label class="check">
                    <input type="checkbox" data-testid="sort-origin"
                        prop:checked=move || sorted.get()
                        on:change=move |ev| sorted.set(event_target_checked(&ev)) />
                    {move || CountriesMsg::Sort.text(lang.get())}
                </label>
            </div>
            <BarFigure
                id="origin"
                series=origin.into()
                title=t(CountriesMsg::OriginTitle)
                subtitle=origin_subtitle
                caveat=origin_caveat
                source=t(CountriesMsg::MacroPoloSource)
                highlight=highlight
            />
            <BarFigure
                id="usinst"
                series=Memo::new(move |_| us_institutions_by_origin(data)).into()
                title=t(CountriesMsg::UsInstTitle)
                subtitle=t(CountriesMsg::UsInstSubtitle)
                caveat=t(CountriesMsg::UsInstCaveat)
                source=t(CountriesMsg::MacroPoloSource)
                highlight=highlight
            />
            <BarFigure
                id="pool"
                series=Memo::new(move |_| researcher_pool(data)).into()
                title=t(CountriesMsg::PoolTitle)
                subtitle=t(CountriesMsg::PoolSubtitle)
                caveat=t(CountriesMsg::PoolCaveat)
                source=t(CountriesMsg::PoolSource)
            >
                <ChecksPanel id=D01 />
            </BarFigure>
            <BarFigure
                id="editions"
                series=Memo::new(move |_| ai2000_editions(data, lang.get())).into()
                title=t(CountriesMsg::EditionsTitle)
                subtitle=t(CountriesMsg::EditionsSubtitle)
                caveat=t(CountriesMsg::EditionsCaveat)
                source=t(CountriesMsg::EditionsSource)
            />
        </section>
    }
}

/// A subtitle followed by the sample size, or by "sample size not reported".
fn with_sample(subtitle: &str, sample: Option<f64>, lang: Lang) -> String {
    let sample = sample.map_or_else(
        || CountriesMsg::SampleNotReported.text(lang).to_string(),
        |n| {
            format!(
                "{} n = {}",
                CountriesMsg::SampleOf.text(lang),
                format::number(n, 0, lang)
            )
        },
    );
    format!("{subtitle} ({sample})")
}

/// A bar chart in its frame, with its table built from the same series.
#[component]
pub fn BarFigure(
    /// Stable id for tests.
    id: &'static str,
    /// The numbers.
    series: Signal<BarSeries>,
    /// Title.
    title: Signal<String>,
    /// What is counted and the sample.
    subtitle: Signal<String>,
    /// Caveat.
    caveat: Signal<String>,
    /// Source line.
    source: Signal<String>,
    /// Highlight shared by the view's charts.
    #[prop(optional)]
    highlight: Option<RwSignal<Option<String>>>,
    /// Extra content under the chart (checks).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let lang: RwSignal<Lang> = use_app_state().lang;
    let groups = Signal::derive(move || bar_groups(&series.get(), lang.get()));
    let names = Signal::derive(move || series_names(&series.get(), lang.get()));
    let table = Signal::derive(move || bar_table(&groups.get(), &names.get(), lang.get()));
    let max = Signal::derive(move || series.get().max_value());
    view! {
        <ChartFrame id=id title=title subtitle=subtitle caveat=caveat source=source table=table>
            // Built here, inside the frame, so the chart sees the frame's export ratio.
            {match highlight {
                Some(highlight) => view! { <BarChart id=id groups=groups series=names max=max highlight=highlight /> }.into_any(),
                None => view! { <BarChart id=id groups=groups series=names max=max /> }.into_any(),
            }}
            {children.map(|c| c())}
        </ChartFrame>
    }
}
