//! Strengths by AI subfield: what the seed says about the US and China, subfield
//! leaders by country, and Shanghai's top scholars per subfield.

use super::checks_panel::ChecksPanel;
use super::countries::BarFigure;
use crate::chart_frame::{ChartFrame, TableData};
use crate::i18n::{messages, Lang, Msg};
use crate::state::use_app_state;
use leptos::prelude::*;
use talent_core::data::labels::label;
use talent_core::model::checks::D03;
use talent_core::series::subfields::{
    distinct_people, shanghai_by_subfield, shanghai_scholars, subfield_leaders_2022,
    us_china_standings, Standing,
};
use talent_core::{format, Dataset};

messages! { SubfieldsMsg {
    Intro => "What the sources support about strengths by AI subfield, and no more: where a count is not published, it says so.",
        "关于各AI子领域实力，只呈现来源所能支持的内容：未公布的数字会明确标出。";
    MatrixTitle => "US and China by AI subfield, as the Shanghai brief states it", "上海简报所述各AI子领域的中美对比";
    MatrixSubtitle => "Statements of seed 000 about top scholars per subfield (AMiner AI 2000, 2024); no counts are given",
        "种子文献000关于各子领域顶尖学者的表述（AMiner AI 2000，2024年）；未给出人数";
    MatrixCaveat => "The brief's heading says the US has a clear advantage in every subfield, yet its text says China is level in speech recognition and ahead in multimedia (discrepancy d05). Its per-subfield counts are in an image and were not found.",
        "简报标题称美国在各子领域均具明显优势，但正文又称中国在语音识别领域与美国持平、在多媒体领域具备优势（不一致之处 d05）。其分领域人数在图片中，未能找到。";
    UsLead => "US marked lead", "美国显著领先";
    Tie => "China level with the US", "中美持平";
    ChinaStrong => "China strong", "中国实力较强";
    ChinaNone => "China has no top scholar", "中国尚无顶尖人才";
    Statement => "What the seed says", "原文表述";
    Subfield => "Subfield", "子领域";
    LeadersTitle => "Which country holds each subfield's number-one scholar", "各子领域排名第一的学者在哪个国家";
    LeadersSubtitle => "AI 2000, 2022 edition: subfields (of 20) whose top-ranked scholar works in each country",
        "AI 2000 2022年版：各国拥有排名第一学者的子领域数（共20个）";
    LeadersCaveat => "China's top-10 scholars per subfield are not reported in any source found (the seed's Figure 2 is an image, not found nf01); this is the closest published figure.",
        "在已找到的来源中，中国各子领域前10名学者的人数均未公布（种子文献图2为图片，未找到 nf01）；此为最接近的已公布数据。";
    LeadersSource => "AMiner / Tsinghua AI 2000 2022, via press coverage (supplementary)", "AMiner / 清华 AI 2000 2022年版，据媒体报道（补充数据）";
    ShanghaiTitle => "Shanghai's top-100-per-subfield AI scholars, by subfield and sector", "上海各子领域全球前100名AI学者：按子领域与部门";
    ShanghaiSubtitle => "Rows of Table 1 of seed 000 (AMiner, data to Feb 2024); a scholar listed in two subfields counts in both",
        "种子文献000表1各行（AMiner，数据截至2024年2月）；同时列于两个子领域的学者分别计入";
    ShanghaiCaveat => "This is the global top 100 of each subfield, a different population from the overall top 100 of the Countries view (d06). The text says Shanghai has no information-retrieval scholar, but its own table lists two (check below).",
        "此为各子领域的全球前100名，与“国家”视图中的总体前100名是不同的群体（d06）。正文称上海信息检索领域为0人，但其表1列出了两人（见下方核查）。";
    ShanghaiSource => "Shanghai S&T Development Research Center brief 2024 No. 5 (seed 000), Table 1", "上海科技发展研究中心《科技发展研究》2024年第5期（种子文献000），表1";
    BriefSource => "Shanghai S&T Development Research Center brief 2024 No. 5 (seed 000), AMiner AI 2000 data",
        "上海科技发展研究中心《科技发展研究》2024年第5期（种子文献000），AMiner AI 2000 数据";
    People => "distinct people", "位不同学者";
    Rows => "rows", "行";
    ScholarsHeading => "The scholars in Table 1", "表1中的学者";
    Rank => "Global rank", "全球排名";
    Name => "Name", "姓名";
    Institution => "Institution", "机构";
    Sector => "Sector", "部门";
    NoneHeading => "Subfields where the text says Shanghai has none", "正文称上海为0人的子领域";
}}

/// The Subfields page.
#[component]
pub fn SubfieldsView() -> impl IntoView {
    let lang = use_app_state().lang;
    let data = Dataset::embedded();
    let t = move |msg: SubfieldsMsg| Signal::derive(move || msg.text(lang.get()).to_string());
    let scholars = shanghai_scholars(data);
    let people = distinct_people(&scholars);
    let rows = scholars.len();
    let shanghai_subtitle = Signal::derive(move || {
        let lang = lang.get();
        format!(
            "{} (n = {} {}, {} {})",
            SubfieldsMsg::ShanghaiSubtitle.text(lang),
            format::number(people as f64, 0, lang),
            SubfieldsMsg::People.text(lang),
            rows,
            SubfieldsMsg::Rows.text(lang)
        )
    });
    view! {
        <section class="view" data-testid="view-subfields">
            <h1>{move || Msg::NavSubfields.text(lang.get())}</h1>
            <p class="intro">{move || SubfieldsMsg::Intro.text(lang.get())}</p>
            <StandingsMatrix />
            <BarFigure
                id="leaders"
                series=Memo::new(move |_| subfield_leaders_2022(data)).into()
                title=t(SubfieldsMsg::LeadersTitle)
                subtitle=t(SubfieldsMsg::LeadersSubtitle)
                caveat=t(SubfieldsMsg::LeadersCaveat)
                source=t(SubfieldsMsg::LeadersSource)
            />
            <BarFigure
                id="shanghai"
                series=Memo::new(move |_| shanghai_by_subfield(data, lang.get())).into()
                title=t(SubfieldsMsg::ShanghaiTitle)
                subtitle=shanghai_subtitle
                caveat=t(SubfieldsMsg::ShanghaiCaveat)
                source=t(SubfieldsMsg::ShanghaiSource)
            >
                <ChecksPanel id=D03 />
            </BarFigure>
            <ScholarList />
        </section>
    }
}

fn standing_text(standing: Standing) -> SubfieldsMsg {
    match standing {
        Standing::UsLead => SubfieldsMsg::UsLead,
        Standing::Tie => SubfieldsMsg::Tie,
        Standing::ChinaStrong => SubfieldsMsg::ChinaStrong,
        Standing::ChinaNone => SubfieldsMsg::ChinaNone,
    }
}

const STANDINGS: [Standing; 4] = [
    Standing::UsLead,
    Standing::Tie,
    Standing::ChinaStrong,
    Standing::ChinaNone,
];

/// Subfields as rows, the seed's four kinds of statement as columns.
#[component]
fn StandingsMatrix() -> impl IntoView {
    let lang = use_app_state().lang;
    let data = Dataset::embedded();
    let standings = us_china_standings(data);
    let mut subfields: Vec<&'static str> = Vec::new();
    for s in &standings {
        if !subfields.contains(&s.subfield) {
            subfields.push(s.subfield);
        }
    }
    let table_standings = standings.clone();
    let table = Signal::derive(move || {
        let lang = lang.get();
        TableData {
            headers: vec![
                SubfieldsMsg::Subfield.text(lang).into(),
                SubfieldsMsg::Statement.text(lang).into(),
                Msg::Basis.text(lang).into(),
            ],
            rows: table_standings
                .iter()
                .map(|s| {
                    let basis = data
                        .fact(s.fact)
                        .map_or_else(String::new, |f| f.label(lang).to_string());
                    vec![
                        label(s.subfield, lang).to_string(),
                        standing_text(s.standing).text(lang).to_string(),
                        basis,
                    ]
                })
                .collect(),
        }
    });
    let t = move |msg: SubfieldsMsg| Signal::derive(move || msg.text(lang.get()).to_string());
    view! {
        <ChartFrame
            id="standings"
            title=t(SubfieldsMsg::MatrixTitle)
            subtitle=t(SubfieldsMsg::MatrixSubtitle)
            caveat=t(SubfieldsMsg::MatrixCaveat)
            source=t(SubfieldsMsg::BriefSource)
            table=table
        >
            <div class="table-wrap">
                <table class="matrix" data-testid="standings-matrix">
                    <thead>
                        <tr>
                            <th scope="col">{move || SubfieldsMsg::Subfield.text(lang.get())}</th>
                            {STANDINGS.into_iter().map(|s| view! { <th scope="col">{move || standing_text(s).text(lang.get())}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {subfields.into_iter().map(|subfield| {
                            let marks: Vec<bool> = STANDINGS.iter().map(|kind| standings.iter().any(|s| s.subfield == subfield && s.standing == *kind)).collect();
                            view! {
                                <tr>
                                    <th scope="row">{move || label(subfield, lang.get())}</th>
                                    {marks.into_iter().zip(STANDINGS).map(|(marked, kind)| view! {
                                        <td class=if marked { format!("mark {}", kind_class(kind)) } else { "mark".to_string() }>
                                            {marked.then(|| view! { <span aria-hidden="true">"●"</span> <span class="visually-hidden">{move || standing_text(kind).text(lang.get())}</span> })}
                                        </td>
                                    }).collect_view()}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </ChartFrame>
    }
}

fn kind_class(kind: Standing) -> &'static str {
    match kind {
        Standing::UsLead => "us",
        Standing::Tie => "tie",
        Standing::ChinaStrong => "cn",
        Standing::ChinaNone => "none",
    }
}

/// Table 1 itself, with names in both scripts, and the subfields the text says have none.
#[component]
fn ScholarList() -> impl IntoView {
    let lang = use_app_state().lang;
    let data = Dataset::embedded();
    let scholars = shanghai_scholars(data);
    let zero: Vec<&'static str> = [
        "robotics",
        "knowledge_engineering",
        "information_retrieval",
        "hci",
    ]
    .into_iter()
    .filter(|key| {
        let id = match *key {
            "hci" => "sh24_shanghai_count_human_computer_interaction".to_string(),
            other => format!("sh24_shanghai_count_{other}"),
        };
        data.number(&id) == Some(0.0)
    })
    .collect();
    let sector = move |industry: bool, lang: Lang| {
        label(if industry { "industry" } else { "academia" }, lang).to_string()
    };
    view! {
        <section class="scholars" aria-labelledby="scholars-heading">
            <h2 id="scholars-heading">{move || SubfieldsMsg::ScholarsHeading.text(lang.get())}</h2>
            <div class="table-wrap">
                <table data-testid="scholar-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || SubfieldsMsg::Subfield.text(lang.get())}</th>
                            <th scope="col">{move || SubfieldsMsg::Rank.text(lang.get())}</th>
                            <th scope="col">{move || SubfieldsMsg::Name.text(lang.get())}</th>
                            <th scope="col">{move || SubfieldsMsg::Institution.text(lang.get())}</th>
                            <th scope="col">{move || SubfieldsMsg::Sector.text(lang.get())}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {scholars.into_iter().map(|s| {
                            let institution = s.clone();
                            view! {
                                <tr>
                                    <td>{move || label(s.subfield, lang.get())}</td>
                                    <td>{s.rank}</td>
                                    <th scope="row"><span lang="zh-Hans">{s.name_zh.clone()}</span> " " <span lang="en">{s.name_pinyin.clone()}</span></th>
                                    <td>{move || institution.institution(lang.get()).to_string()}</td>
                                    <td>{move || sector(s.industry, lang.get())}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>{move || SubfieldsMsg::NoneHeading.text(lang.get())}</h3>
            <ul class="inline-list" data-testid="shanghai-none">
                {zero.into_iter().map(|key| view! { <li>{move || label(key, lang.get())}</li> }).collect_view()}
            </ul>
        </section>
    }
}
