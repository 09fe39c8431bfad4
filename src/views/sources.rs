//! Sources & method: the seed documents; every dataset with its figures, each with its
//! own source, the seed that states it, definition and confidence; the discrepancies
//! found, each with the app's own check; derived figures with their formulas; what was
//! searched for and not found; and the models' methods.

use super::checks_panel::check_row;
use crate::i18n::{messages, Lang, Msg};
use crate::state::use_app_state;
use crate::views::whatif::method::ProjectionMethod;
use leptos::prelude::*;
use talent_core::data::{Confidence, Fact, FactValue, Qualifier, Seed, Severity, Status};
use talent_core::model::checks::all_checks;
use talent_core::model::derived::all_derived;
use talent_core::{format, Dataset};

messages! { SourcesMsg {
    Figure => "Figure and its source", "数据及其来源";
    Value => "Value", "数值";
    Year => "Year", "年份";
    Counted => "What was counted", "统计对象";
    Confidence => "Confidence", "可信度";
    Status => "Status", "状态";
    Note => "Caveat", "说明";
    ShowFigures => "Show the figures", "展开全部数据";
    High => "high", "高";
    Medium => "medium", "中";
    Low => "low", "低";
    Seed => "stated in a seed", "种子文献所述";
    SeedVerified => "seed, verified", "种子文献所述，已核实";
    SeedConflict => "seed, in conflict", "种子文献所述，存在冲突";
    Supplementary => "supplementary", "补充数据";
    SeverityHigh => "changes the story", "影响结论";
    SeverityMedium => "definition or denominator", "定义或分母问题";
    SeverityLow => "rounding or minor", "舍入或次要问题";
    SeverityInfo => "checked, or context", "已核查或背景信息";
    InEnglish => "Descriptions of the discrepancies are in English, as recorded in the data pack.",
        "不一致之处的说明为英文，与数据包中的记录一致。";
    DerivedHeading => "Figures the app derives", "本应用推算的数据";
    ComparedWith => "compared with the stated", "对照原文数据";
    NotFoundHeading => "Searched for and not found", "已查找但未找到的数据";
    Seeds => "Seed documents", "种子文献";
    SeedsIntro => "The Chinese-language articles this explainer set out to check. A figure one of them states carries its number below; every other figure is supplementary, from the reports they cite and from others.",
        "本解读最初要核查的中文文章。下文中由某篇文章给出的数字都标有该文编号；其余数字均为补充数据，来自这些文章引用的报告及其他来源。";
    OutletNotNamed => "Outlet not named", "未注明出处";
    NotDated => "not dated", "未注明日期";
    OriginalTitle => "Original title", "原标题";
}}

fn confidence(c: Confidence) -> SourcesMsg {
    match c {
        Confidence::High => SourcesMsg::High,
        Confidence::Medium => SourcesMsg::Medium,
        Confidence::Low => SourcesMsg::Low,
    }
}

fn status(s: Status) -> SourcesMsg {
    match s {
        Status::Seed => SourcesMsg::Seed,
        Status::SeedVerified => SourcesMsg::SeedVerified,
        Status::SeedConflict => SourcesMsg::SeedConflict,
        Status::Supplementary => SourcesMsg::Supplementary,
    }
}

fn severity(s: Severity) -> SourcesMsg {
    match s {
        Severity::High => SourcesMsg::SeverityHigh,
        Severity::Medium => SourcesMsg::SeverityMedium,
        Severity::Low => SourcesMsg::SeverityLow,
        Severity::Info => SourcesMsg::SeverityInfo,
    }
}

/// How far a fact was checked, and which seed states it: "stated in a seed (000)".
fn status_text(fact: &Fact, lang: Lang) -> String {
    let status = status(fact.status).text(lang);
    match (fact.seed_number(), lang) {
        (Some(seed), Lang::En) => format!("{status} ({seed})"),
        (Some(seed), Lang::Zh) => format!("{status}（{seed}）"),
        (None, _) => status.to_string(),
    }
}

/// A fact's value as a reader reads it: qualifier, number with its unit, or the text.
fn fact_value(fact: &Fact, lang: Lang) -> String {
    let prefix = match fact.qualifier {
        Some(Qualifier::Lt) => Msg::FewerThan.text(lang),
        Some(Qualifier::Gt) => Msg::MoreThan.text(lang),
        Some(Qualifier::Approx) => Msg::About.text(lang),
        _ => "",
    };
    match &fact.value {
        FactValue::Number(n) if fact.is_percent() => {
            format!(
                "{prefix}{}",
                format::percent(*n, if n.fract() == 0.0 { 0 } else { 1 }, lang)
            )
        }
        FactValue::Number(n) => {
            let decimals = if n.fract() == 0.0 { 0 } else { 3 };
            format!(
                "{prefix}{} ({})",
                format::number(*n, decimals, lang),
                fact.unit
            )
        }
        FactValue::Text(text) => text.clone(),
        FactValue::List(items) => items.join(", "),
    }
}

/// A seed document in a reader's language: "Headline. Outlet, date.", with "not named"
/// for what the document does not give. The headline is the printed one in Chinese and
/// its translation in English (without a headline, what the document is); in English an
/// "Original title:" follows when there is one (the view adds it, marked as Chinese).
fn seed_text(seed: &Seed, lang: Lang) -> String {
    let given = |text: &str, missing: SourcesMsg| {
        if text.is_empty() {
            missing.text(lang).to_string()
        } else {
            text.to_string()
        }
    };
    let date = given(&seed.date, SourcesMsg::NotDated);
    match lang {
        Lang::Zh => {
            let headline = if seed.title.is_empty() {
                &seed.title_en
            } else {
                &seed.title
            };
            let outlet = given(&seed.outlet, SourcesMsg::OutletNotNamed);
            format!("{headline}。{outlet}，{date}。")
        }
        Lang::En => {
            let outlet = given(&seed.outlet_en, SourcesMsg::OutletNotNamed);
            let original = if seed.title.is_empty() {
                String::new()
            } else {
                format!(" {}: ", SourcesMsg::OriginalTitle.text(lang))
            };
            format!("{}. {outlet}, {date}.{original}", seed.title_en)
        }
    }
}

/// The Sources & method page.
#[component]
pub fn SourcesView() -> impl IntoView {
    let lang = use_app_state().lang;
    let t = move |msg: Msg| msg.text(lang.get());
    let s = move |msg: SourcesMsg| msg.text(lang.get());
    let data = Dataset::embedded();
    let checks = all_checks(data);
    view! {
        <section class="view sources" data-testid="view-sources">
            <h1>{move || t(Msg::NavSources)}</h1>
            <p>{move || t(Msg::SourcesIntro)}</p>
            <h2 id="seeds">{move || s(SourcesMsg::Seeds)}</h2>
            <p>{move || s(SourcesMsg::SeedsIntro)}</p>
            <ul class="seeds" data-testid="seed-list">
                {data.seeds.iter().map(|seed| {
                    let number = seed.number().unwrap_or_default();
                    view! {
                        <li id=format!("seed-{number}")>
                            <strong>{number}</strong> " " {move || seed_text(seed, lang.get())}
                            <span lang="zh">{move || (lang.get() == Lang::En).then_some(seed.title.as_str())}</span>
                            {(!seed.url.is_empty()).then(|| view! { " " <a href=seed.url.as_str() rel="noopener">"↗"</a> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <h2>{move || t(Msg::Datasets)}</h2>
            {data.datasets.iter().map(|d| {
                let facts: Vec<&'static Fact> = data.facts_of(&d.key).collect();
                let count = facts.len();
                view! {
                    <article class="dataset" id=d.key.clone()>
                        <h3>{d.name.clone()}</h3>
                        <p class="publisher">{d.publisher.clone()}</p>
                        <p lang="en">{d.description.clone()}</p>
                        <p class="meta">
                            {count} " " {move || t(Msg::Figures)}
                            {(!d.seeds.is_empty()).then(|| view! {
                                " · " {move || s(SourcesMsg::Seeds)} ": "
                                {d.seeds.iter().filter_map(|file| data.seed(file)?.number()).enumerate().map(|(i, number)| view! {
                                    {(i > 0).then_some(", ")} <a href=format!("#seed-{number}")>{number}</a>
                                }).collect_view()}
                            })}
                            {(!d.url.is_empty()).then(|| view! { " · " <a href=d.url.clone() rel="noopener">{d.url.clone()}</a> })}
                        </p>
                        {(count > 0).then(|| view! {
                            <details>
                                <summary>{move || s(SourcesMsg::ShowFigures)}</summary>
                                <div class="table-wrap">
                                    <table class="facts">
                                        <thead><tr>
                                            <th scope="col">{move || s(SourcesMsg::Figure)}</th>
                                            <th scope="col">{move || s(SourcesMsg::Value)}</th>
                                            <th scope="col">{move || s(SourcesMsg::Year)}</th>
                                            <th scope="col">{move || s(SourcesMsg::Counted)}</th>
                                            <th scope="col">{move || s(SourcesMsg::Confidence)}</th>
                                            <th scope="col">{move || s(SourcesMsg::Status)}</th>
                                            <th scope="col">{move || s(SourcesMsg::Note)}</th>
                                        </tr></thead>
                                        <tbody>
                                            {facts.into_iter().map(|f| view! {
                                                <tr id=f.id.clone()>
                                                    <th scope="row">{move || f.label(lang.get()).to_string()}
                                                        {(!f.url.is_empty()).then(|| view! { " " <a href=f.url.clone() rel="noopener">"↗"</a> })}
                                                        <span class="fact-source" lang="en">{f.source.clone()}</span>
                                                    </th>
                                                    <td>{move || fact_value(f, lang.get())}</td>
                                                    <td>{f.year}</td>
                                                    <td lang="en">{f.population.clone()}</td>
                                                    <td>{move || s(confidence(f.confidence))}</td>
                                                    <td>{move || status_text(f, lang.get())}</td>
                                                    <td lang="en">{f.note.clone().unwrap_or_default()}</td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            </details>
                        })}
                    </article>
                }
            }).collect_view()}
            <h2>{move || t(Msg::Discrepancies)}</h2>
            <p class="meta">{move || s(SourcesMsg::InEnglish)}</p>
            <ul class="discrepancies">
                {data.discrepancies.iter().map(|d| {
                    let own: Vec<_> = checks.iter().filter(|c| c.id == d.id).cloned().collect();
                    view! {
                        <li id=d.id.clone()>
                            <strong>{d.id.clone()}</strong> " (" {move || s(severity(d.severity))} "): "
                            <span lang="en">{d.description.clone()}</span>
                            {(!own.is_empty()).then(|| view! {
                                <ul class="own-checks">
                                    {own.into_iter().map(|check| {
                                        let row = Memo::new(move |_| check_row(&check, lang.get()));
                                        view! {
                                            <li class:fails=move || !row.get().4>
                                                {move || row.get().0} ": " {move || t(Msg::StatedFigure)} " " <strong>{move || row.get().1}</strong>
                                                "; " {move || t(Msg::AppComputes)} " " <strong>{move || row.get().2}</strong>
                                                " (" <code>{move || row.get().3}</code> ") "
                                                {move || if row.get().4 { t(Msg::Holds) } else { t(Msg::DoesNotHold) }}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <h2 id="derived">{move || s(SourcesMsg::DerivedHeading)}</h2>
            <ul class="derived">
                {all_derived(data).into_iter().map(|d| {
                    let (label_en, label_zh) = (d.label_en, d.label_zh);
                    view! {
                        <li id=d.id>
                            <strong>{move || match lang.get() { Lang::En => label_en, Lang::Zh => label_zh }}</strong>
                            ": " {move || format::number(d.value, 1, lang.get())} " (" {d.unit} ") = "
                            <code>{move || match lang.get() { Lang::En => d.formula_en.clone(), Lang::Zh => d.formula_zh.clone() }}</code>
                            {d.compare_with.map(|(id, stated)| view! {
                                "; " {move || s(SourcesMsg::ComparedWith)} " " <a href=format!("#{id}")>{id}</a> " = " {move || format::number(stated, 1, lang.get())}
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <h2 id="not-found">{move || s(SourcesMsg::NotFoundHeading)}</h2>
            <ul class="not-found" lang="en">
                {data.not_found.iter().map(|n| view! { <li id=n.key.clone()><strong>{n.key.clone()}</strong> ": " {n.detail.clone()}</li> }).collect_view()}
            </ul>
            <ProjectionMethod />
            <crate::views::flows::method::FlowsMethod />
        </section>
    }
}
