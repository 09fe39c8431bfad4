//! What the flow charts say, in one language: the career-path and region Sankeys, the
//! region and city row charts, their tooltips, tables and frame texts.
//!
//! Everything here is words and numbers, no pixels: the plans in
//! [`layout::sankey_chart`](crate::layout::sankey_chart) and
//! [`layout::row_chart`](crate::layout::row_chart) place it. Every text comes from
//! `data/copy/flows.toml` (or the data pack), every figure from the data pack.
//!
//! How a mark looks follows from what it is, as a [`MarkStyle`]: the place it stands for
//! (the United States, China, the rest of the world, another country, or none for a whole
//! sample) and how its figure came to be (stated, derived by the app, or not reported by
//! the source). A ribbon takes the place of its branch: of its source, or of its target
//! when it leaves the whole sample; a ribbon into a part the source does not report is
//! itself not reported.

use super::career_flows::{CareerFlow, DenominatorUnit, FlowKey, FlowLink};
use super::cities::CityDegree;
use super::display::{CellKind, ChartText, Table};
use super::place::Place;
use super::regions::{region_key, CountryNetwork, RegionMetrics};
use crate::copy::{self, Text};
use crate::data::labels::label;
use crate::layout::bars::MarkStyle;
use crate::layout::sankey::{SankeyLink, SankeyNode};
use crate::layout::sankey_labels::NodeLabel;
use crate::layout::tip::Tip;
use crate::model::projection::Region;
use crate::{format, Dataset, Lang};

/// A fact of the MacroPolo 2019 shares the region table is derived from (for its source).
const REGION_SOURCE_FACT: &str = "mp19_work_share_us";

/// One node of a Sankey, ready to lay out.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowNodeDatum {
    /// Stable key, the same in every language (for links that pin it).
    pub key: String,
    /// Stage (column).
    pub stage: usize,
    /// Name in its label lane.
    pub label: String,
    /// Value printed in bold after the name.
    pub value_text: String,
    /// Place and kind: not-reported nodes are hatched, derived ones light with an outline.
    pub style: MarkStyle,
    /// Tooltip.
    pub tip: Tip,
}

/// One link of a Sankey.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowLinkDatum {
    /// Index of the source node.
    pub source: usize,
    /// Index of the target node.
    pub target: usize,
    /// Size.
    pub value: f64,
    /// Place and kind: a flow into a not-reported part is not reported itself.
    pub style: MarkStyle,
    /// Tooltip.
    pub tip: Tip,
}

/// Everything a Sankey shows, in one language.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FlowChartData {
    /// Nodes; within a stage, top to bottom.
    pub nodes: Vec<FlowNodeDatum>,
    /// Links, in drawing order.
    pub links: Vec<FlowLinkDatum>,
    /// Column headings, left to right.
    pub stages: Vec<String>,
    /// The chart's title (for its accessible description).
    pub title: String,
}

impl FlowChartData {
    /// The graph and labels in the form the Sankey layout takes (same order as `nodes`
    /// and `links`; node ids are the keys).
    pub fn sankey_input(&self) -> (Vec<SankeyNode>, Vec<SankeyLink>, Vec<NodeLabel>) {
        let nodes = self
            .nodes
            .iter()
            .map(|n| {
                let node = SankeyNode::new(n.key.clone(), n.stage);
                if n.style.kind == CellKind::NotReported {
                    node.unreported()
                } else {
                    node
                }
            })
            .collect();
        let key = |i: usize| {
            self.nodes
                .get(i)
                .map_or_else(String::new, |n| n.key.clone())
        };
        let links = self
            .links
            .iter()
            .map(|l| SankeyLink::new(key(l.source), key(l.target), l.value))
            .collect();
        let labels = self
            .nodes
            .iter()
            .map(|n| NodeLabel {
                name: n.label.clone(),
                value: n.value_text.clone(),
            })
            .collect();
        (nodes, links, labels)
    }
}

/// One row of a row chart: a place with its net flow, or with two degrees.
#[derive(Clone, Debug, PartialEq)]
pub struct RowDatum {
    /// Stable key of the row (not shown).
    pub key: String,
    /// Row label (place name).
    pub label: String,
    /// The place whose colour the row takes.
    pub place: Place,
    /// Net value (diverging bars), or the first value (dots: a filled dot).
    pub a: f64,
    /// The second value (dots: a ring); unused by diverging bars.
    pub b: f64,
    /// The value printed at the end of a diverging bar (empty for dots).
    pub value_text: String,
    /// Tooltip.
    pub tip: Tip,
}

/// Which row chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowStyle {
    /// Diverging bars of `a` around zero: gains to the right, losses to the left.
    Net,
    /// A filled dot at `a` and a ring at `b`, joined by a line.
    Dots,
}

/// How a key entry of a row chart looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyMark {
    /// A swatch of a place's colour.
    Place(Place),
    /// The filled dot of the first value.
    Dot,
    /// The ring of the second value.
    Ring,
}

/// One entry of a row chart's key.
#[derive(Clone, Debug, PartialEq)]
pub struct RowKey {
    /// What the mark means.
    pub label: String,
    /// The mark.
    pub mark: KeyMark,
}

/// What a row chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct RowChartData {
    /// Which chart.
    pub style: RowStyle,
    /// Rows, top to bottom.
    pub rows: Vec<RowDatum>,
    /// What its marks and colours mean.
    pub key: Vec<RowKey>,
    /// What the two sides of a diverging chart mean: losses (left), gains (right).
    pub directions: Option<[String; 2]>,
    /// The chart's title (for its accessible description).
    pub title: String,
}

/// An app check of a table's arithmetic, as a sentence and its verdict.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    /// What was checked, with the counts.
    pub text: String,
    /// True when it holds for every row.
    pub holds: bool,
}

/// Two texts joined by a copy text with `{first}` and `{second}` (a separator), or the one
/// that is not empty.
fn pair(first: &str, second: &str, with: Text, lang: Lang) -> String {
    match (first.is_empty(), second.is_empty()) {
        (_, true) => first.to_string(),
        (true, false) => second.to_string(),
        _ => with.fill(lang, &[("first", first), ("second", second)]),
    }
}

/// The items of a list joined by a copy text with `{first}` and `{second}`.
fn join(items: Vec<String>, with: Text, lang: Lang) -> String {
    items
        .into_iter()
        .reduce(|first, second| pair(&first, &second, with, lang))
        .unwrap_or_default()
}

/// The publisher of the report a fact comes from, as readers cite it.
pub fn publisher<'a>(data: &'a Dataset, fact: &str, lang: Lang) -> Option<&'a str> {
    Some(data.dataset_of(data.fact(fact)?)?.publisher(lang))
}

/// The publishers of `facts`, each once, in first-use order, joined.
fn publishers(data: &Dataset, facts: &[&str], lang: Lang) -> String {
    let mut names: Vec<String> = Vec::new();
    for fact in facts {
        if let Some(name) = publisher(data, fact, lang) {
            if !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
    }
    join(names, copy::FLOWS_CLAUSES, lang)
}

// ---------------------------------------------------------------------------------------
// Career paths.

/// A value in the flow's unit: `41 researchers`, `1 researcher` or `49.28%`.
pub fn amount(value: f64, unit: DenominatorUnit, lang: Lang) -> String {
    let digits = format::exact(value, lang);
    let text = match unit {
        DenominatorUnit::People if (value - 1.0).abs() < 1e-9 => copy::UNIT_RESEARCHER,
        DenominatorUnit::People => copy::UNIT_RESEARCHERS,
        DenominatorUnit::Percent => copy::UNIT_PERCENT,
    };
    text.fill(lang, &[("n", &digits)])
}

/// A value as printed beside a node: the number alone (the unit is in the subtitle), with
/// a percent sign for shares.
fn short(value: f64, unit: DenominatorUnit, lang: Lang) -> String {
    match unit {
        DenominatorUnit::People => format::exact(value, lang),
        DenominatorUnit::Percent => amount(value, unit, lang),
    }
}

/// How a link's value was obtained.
fn basis(link: &FlowLink, target_reported: bool, lang: Lang) -> String {
    match (&link.formula, target_reported) {
        (Some(formula), false) => copy::FLOWS_NOT_REPORTED_AS.fill(lang, &[("formula", formula)]),
        (None, false) => copy::FLOWS_NOT_REPORTED_PART.get(lang).to_string(),
        (Some(formula), true) => copy::FLOWS_DERIVED_AS.fill(lang, &[("formula", formula)]),
        (None, true) => copy::FLOWS_STATED.get(lang).to_string(),
    }
}

/// The style of a link from a node of style `source` to one of style `target`: the place
/// of its branch (the target's when it leaves a whole sample), not reported when its
/// target is.
fn link_style(source: MarkStyle, target: MarkStyle, derived: bool) -> MarkStyle {
    let place = if source.place == Place::Neutral {
        target.place
    } else {
        source.place
    };
    let kind = match (target.kind, derived) {
        (CellKind::NotReported, _) => CellKind::NotReported,
        (_, true) => CellKind::Derived,
        (_, false) => CellKind::Stated,
    };
    MarkStyle {
        place,
        step: 0,
        kind,
    }
}

/// The Sankey of a career flow, in `lang`.
pub fn career_chart(flow: &CareerFlow, lang: Lang) -> FlowChartData {
    let unit = flow.denominator.unit;
    let total = flow.denominator.value;
    let name = |id: &str| {
        flow.node(id)
            .map_or_else(String::new, |n| flow.text(n.label, lang))
    };
    let nodes: Vec<FlowNodeDatum> =
        flow.nodes
            .iter()
            .map(|n| {
                let label = flow.text(n.label, lang);
                let value = match unit {
                    DenominatorUnit::People => {
                        let share = format::share(n.value / total, lang);
                        let whole = amount(total, unit, lang);
                        let of_whole = copy::FLOWS_OF_WHOLE
                            .fill(lang, &[("share", &share), ("total", &whole)]);
                        format!("{} · {of_whole}", amount(n.value, unit, lang))
                    }
                    DenominatorUnit::Percent => copy::FLOWS_PERCENT_OF_SAMPLE
                        .fill(lang, &[("n", &amount(n.value, unit, lang))]),
                };
                let incoming_formula = flow
                    .links
                    .iter()
                    .find(|l| l.target == n.id)
                    .and_then(|l| l.formula.as_deref());
                let (kind, detail) = if !n.reported {
                    (
                        CellKind::NotReported,
                        copy::FLOWS_NOT_REPORTED_PART.get(lang).to_string(),
                    )
                } else if n.fact.is_some() {
                    (CellKind::Stated, copy::FLOWS_STATED.get(lang).to_string())
                } else if let Some(formula) = incoming_formula {
                    (
                        CellKind::Derived,
                        copy::FLOWS_DERIVED_AS.fill(lang, &[("formula", formula)]),
                    )
                } else {
                    (CellKind::Stated, String::new())
                };
                FlowNodeDatum {
                    key: n.id.to_string(),
                    stage: n.stage,
                    value_text: short(n.value, unit, lang),
                    style: MarkStyle {
                        place: n.place,
                        step: 0,
                        kind,
                    },
                    tip: Tip {
                        heading: label.clone(),
                        value,
                        detail,
                    },
                    label,
                }
            })
            .collect();
    let index = |id: &str| flow.nodes.iter().position(|n| n.id == id);
    let links = flow
        .links
        .iter()
        .filter_map(|l| {
            let (s, t) = (index(l.source)?, index(l.target)?);
            let (source, target) = (&flow.nodes[s], &flow.nodes[t]);
            let from = name(source.id);
            let share_text = copy::FLOWS_SHARE_OF.fill(
                lang,
                &[
                    ("share", &format::share(l.share_of_source, lang)),
                    ("node", &from),
                    ("total", &amount(source.value, unit, lang)),
                ],
            );
            Some(FlowLinkDatum {
                source: s,
                target: t,
                value: l.value,
                style: link_style(nodes[s].style, nodes[t].style, l.formula.is_some()),
                tip: Tip {
                    heading: copy::FLOWS_LINK_HEADING
                        .fill(lang, &[("from", &from), ("to", &name(target.id))]),
                    value: amount(l.value, unit, lang),
                    detail: pair(
                        &share_text,
                        &basis(l, target.reported, lang),
                        copy::FLOWS_CLAUSES,
                        lang,
                    ),
                },
            })
        })
        .collect();
    FlowChartData {
        nodes,
        links,
        stages: flow.stages.iter().map(|s| flow.text(*s, lang)).collect(),
        title: flow.text(flow.title, lang),
    }
}

/// Every flow of a career Sankey as a table row: from, to, value, share of the source,
/// basis.
pub fn career_table(flow: &CareerFlow, lang: Lang) -> Table {
    let unit = flow.denominator.unit;
    let name = |id: &str| {
        flow.node(id)
            .map_or_else(String::new, |n| flow.text(n.label, lang))
    };
    Table {
        headers: flow_headers(lang),
        rows: flow
            .links
            .iter()
            .map(|l| {
                let reported = flow.node(l.target).is_none_or(|n| n.reported);
                vec![
                    name(l.source),
                    name(l.target),
                    amount(l.value, unit, lang),
                    format::share(l.share_of_source, lang),
                    basis(l, reported, lang),
                ]
            })
            .collect(),
    }
}

/// The headings of a table of flows.
fn flow_headers(lang: Lang) -> Vec<String> {
    [
        copy::FLOWS_FROM,
        copy::FLOWS_TO,
        copy::CHART_VALUE,
        copy::FLOWS_SHARE_OF_SOURCE,
        copy::CHART_BASIS,
    ]
    .iter()
    .map(|t| t.get(lang).to_string())
    .collect()
}

/// The denominator statement of the DeepSeek flow: the two counts that circulate and
/// which one Hoover's share matches, every figure from the data pack.
fn hoover_denominator(flow: &CareerFlow, data: &Dataset, lang: Lang) -> Option<String> {
    let n = flow.denominator.value;
    let m = data.number("hv25_authors_with_data")?;
    let ties = flow.node("hv_us_ties")?.value;
    let pct = data.fact("hv25_us_ties")?.related("share_pct_hoover")?;
    let rest = flow.node("hv_ties_nr").map_or(0.0, |node| node.value);
    let num = |v: f64| format::exact(v, lang);
    Some(copy::FLOWS_HOOVER_DENOMINATOR.fill(
        lang,
        &[
            ("n", &num(n)),
            ("m", &num(m)),
            ("pct", &num(pct)),
            ("ties", &num(ties)),
            ("a", &format::share(ties / n, lang)),
            ("b", &format::share(ties / m, lang)),
            ("rest", &num(rest)),
        ],
    ))
}

/// Title, what is counted, caveat and source of a career Sankey.
pub fn career_text(flow: &CareerFlow, data: &Dataset, lang: Lang) -> ChartText {
    let what = flow.text(flow.denominator.label, lang);
    let subtitle = match flow.denominator.unit {
        DenominatorUnit::People => copy::FLOWS_COUNTED_PEOPLE.fill(
            lang,
            &[
                ("what", &what),
                ("n", &format::exact(flow.denominator.value, lang)),
            ],
        ),
        DenominatorUnit::Percent => copy::FLOWS_COUNTED_PERCENT.fill(
            lang,
            &[
                ("what", &what),
                (
                    "whole",
                    &amount(flow.denominator.value, DenominatorUnit::Percent, lang),
                ),
            ],
        ),
    };
    let note = flow.text(flow.note, lang);
    let caveat = match flow.key {
        FlowKey::HooverDeepSeek2025 => {
            let denominator = hoover_denominator(flow, data, lang).unwrap_or_default();
            pair(&denominator, &note, copy::FLOWS_THEN, lang)
        }
        _ => note,
    };
    ChartText {
        title: flow.text(flow.title, lang),
        subtitle,
        notes: vec![caveat],
        source: publishers(data, &flow.source_facts, lang),
    }
}

// ---------------------------------------------------------------------------------------
// Regions: the origin x work table as a flow graph.

/// The place of a region.
pub fn region_place(region: Region) -> Place {
    match region {
        Region::Us => Place::Us,
        Region::China => Place::China,
        Region::Rest => Place::Rest,
    }
}

/// Researchers per 100 (the pool) in the region table, one decimal.
fn per_total(value: &str, net: &CountryNetwork, lang: Lang) -> String {
    copy::FLOWS_PER_TOTAL.fill(
        lang,
        &[("n", value), ("total", &format::exact(net.total, lang))],
    )
}

/// Arrivals, departures and stayers of a region.
fn region_tip(m: &RegionMetrics, lang: Lang) -> String {
    let one = |v: f64| format::number(v, 1, lang);
    copy::FLOWS_REGION_TIP.fill(
        lang,
        &[
            ("arrive", &one(m.arrivals)),
            ("leave", &one(m.departures)),
            ("stay", &one(m.stayed)),
        ],
    )
}

/// The region Sankey: origin regions on the left, work regions on the right.
pub fn region_chart(net: &CountryNetwork, lang: Lang) -> FlowChartData {
    let stages = [
        copy::FLOWS_REGION_STAGE_ORIGIN.get(lang),
        copy::FLOWS_REGION_STAGE_WORK.get(lang),
    ];
    let derived_by = copy::CHART_DERIVED_BY.get(lang);
    let mut placed: Vec<(Region, usize)> = Vec::new();
    let mut nodes = Vec::new();
    for (stage, stage_name) in stages.iter().enumerate() {
        for region in net.regions_in(stage) {
            let Some(m) = net.metrics_of(region) else {
                continue;
            };
            let value = if stage == 0 { m.studied } else { m.working };
            let name = region.label(lang).to_string();
            placed.push((region, stage));
            nodes.push(FlowNodeDatum {
                key: CountryNetwork::node_id(region, stage),
                stage,
                label: name.clone(),
                value_text: format::number(value, 1, lang),
                style: MarkStyle {
                    place: region_place(region),
                    step: 0,
                    kind: CellKind::Stated,
                },
                tip: Tip {
                    heading: copy::FLOWS_NODE_HEADING
                        .fill(lang, &[("node", &name), ("stage", stage_name)]),
                    value: per_total(&format::number(value, 1, lang), net, lang),
                    detail: pair(
                        &region_tip(m, lang),
                        derived_by,
                        copy::FLOWS_SENTENCES,
                        lang,
                    ),
                },
            });
        }
    }
    let index = |region: Region, stage: usize| placed.iter().position(|&n| n == (region, stage));
    let links = net
        .flows
        .iter()
        .filter_map(|flow| {
            let (s, t) = (index(flow.origin, 0)?, index(flow.work, 1)?);
            let from = flow.origin.label(lang);
            let studied = net.metrics_of(flow.origin).map_or(0.0, |m| m.studied);
            let share = copy::FLOWS_SHARE_OF.fill(
                lang,
                &[
                    ("share", &format::share(flow.share_of_origin, lang)),
                    ("node", from),
                    (
                        "total",
                        &per_total(&format::number(studied, 1, lang), net, lang),
                    ),
                ],
            );
            Some(FlowLinkDatum {
                source: s,
                target: t,
                value: flow.value,
                style: MarkStyle {
                    place: region_place(flow.origin),
                    step: 0,
                    kind: CellKind::Derived,
                },
                tip: Tip {
                    heading: copy::FLOWS_LINK_HEADING
                        .fill(lang, &[("from", from), ("to", flow.work.label(lang))]),
                    value: per_total(&format::number(flow.value, 1, lang), net, lang),
                    detail: pair(
                        &pair(
                            &share,
                            move_kind(flow.is_move(), lang),
                            copy::FLOWS_CLAUSES,
                            lang,
                        ),
                        derived_by,
                        copy::FLOWS_SENTENCES,
                        lang,
                    ),
                },
            })
        })
        .collect();
    FlowChartData {
        nodes,
        links,
        stages: stages.iter().map(|s| s.to_string()).collect(),
        title: region_title(net, lang),
    }
}

fn move_kind(is_move: bool, lang: Lang) -> &'static str {
    if is_move {
        copy::FLOWS_MOVED.get(lang)
    } else {
        copy::FLOWS_STAY_HOME.get(lang)
    }
}

fn region_title(net: &CountryNetwork, lang: Lang) -> String {
    copy::FLOWS_REGION_TITLE.fill(lang, &[("year", &net.year.to_string())])
}

/// Every flow of the region Sankey: from, to, value, share of the origin, basis.
pub fn region_table(net: &CountryNetwork, lang: Lang) -> Table {
    Table {
        headers: flow_headers(lang),
        rows: net
            .flows
            .iter()
            .map(|f| {
                vec![
                    f.origin.label(lang).to_string(),
                    f.work.label(lang).to_string(),
                    per_total(&format::number(f.value, 1, lang), net, lang),
                    format::share(f.share_of_origin, lang),
                    pair(
                        move_kind(f.is_move(), lang),
                        copy::CHART_DERIVED_BY.get(lang),
                        copy::FLOWS_CLAUSES,
                        lang,
                    ),
                ]
            })
            .collect(),
    }
}

/// The source line of the region charts: derived from MacroPolo's published shares.
fn region_source(data: &Dataset, lang: Lang) -> String {
    let source = publisher(data, REGION_SOURCE_FACT, lang).unwrap_or_default();
    copy::FLOWS_REGION_SOURCE.fill(lang, &[("source", source)])
}

/// Title, what is counted, caveat and source of the region Sankey.
pub fn region_text(net: &CountryNetwork, data: &Dataset, lang: Lang) -> ChartText {
    let year = net.year.to_string();
    ChartText {
        title: region_title(net, lang),
        subtitle: copy::FLOWS_REGION_SUBTITLE.fill(
            lang,
            &[("year", &year), ("total", &format::exact(net.total, lang))],
        ),
        notes: vec![copy::FLOWS_REGION_CAVEAT.get(lang).to_string()],
        source: region_source(data, lang),
    }
}

/// The net gain or loss of every region, in region order.
pub fn region_net_rows(net: &CountryNetwork, lang: Lang) -> RowChartData {
    let rows = net
        .metrics
        .iter()
        .map(|m| RowDatum {
            key: region_key(m.region).to_string(),
            label: m.region.label(lang).to_string(),
            place: region_place(m.region),
            a: m.net,
            b: 0.0,
            value_text: format::signed(m.net, 1, lang),
            tip: Tip {
                heading: m.region.label(lang).to_string(),
                value: per_total(&format::signed(m.net, 1, lang), net, lang),
                detail: region_tip(m, lang),
            },
        })
        .collect();
    RowChartData {
        style: RowStyle::Net,
        rows,
        // The rows are the places: their names say what the colours mean.
        key: Vec::new(),
        directions: Some([
            copy::FLOWS_REGION_LOSS.get(lang).to_string(),
            copy::FLOWS_REGION_GAIN.get(lang).to_string(),
        ]),
        title: copy::FLOWS_REGION_NET_TITLE.get(lang).to_string(),
    }
}

/// Title, what is counted, caveat and source of the region net-flow rows.
pub fn region_net_text(net: &CountryNetwork, data: &Dataset, lang: Lang) -> ChartText {
    ChartText {
        title: copy::FLOWS_REGION_NET_TITLE.get(lang).to_string(),
        subtitle: copy::FLOWS_REGION_NET_SUBTITLE.fill(
            lang,
            &[
                ("year", &net.year.to_string()),
                ("total", &format::exact(net.total, lang)),
            ],
        ),
        notes: vec![copy::FLOWS_METRICS_NOTE.get(lang).to_string()],
        source: region_source(data, lang),
    }
}

/// The graph metrics of every region: the table of the region net-flow rows.
pub fn region_metrics_table(net: &CountryNetwork, lang: Lang) -> Table {
    let one = |v: f64| format::number(v, 1, lang);
    Table {
        headers: [
            copy::FLOWS_REGION,
            copy::FLOWS_STUDIED,
            copy::FLOWS_WORKING,
            copy::FLOWS_STAYED,
            copy::FLOWS_IN_DEGREE,
            copy::FLOWS_OUT_DEGREE,
            copy::FLOWS_DEGREE,
            copy::FLOWS_NET,
            copy::FLOWS_BETWEENNESS,
        ]
        .iter()
        .map(|t| t.get(lang).to_string())
        .collect(),
        rows: net
            .metrics
            .iter()
            .map(|m| {
                vec![
                    m.region.label(lang).to_string(),
                    one(m.studied),
                    one(m.working),
                    one(m.stayed),
                    one(m.arrivals),
                    one(m.departures),
                    one(m.weighted_degree),
                    format::signed(m.net, 1, lang),
                    copy::FLOWS_BETWEENNESS_VALUE.fill(
                        lang,
                        &[
                            ("normalised", &format::number(m.normalised, 2, lang)),
                            ("raw", &format::number(m.betweenness, 0, lang)),
                        ],
                    ),
                ]
            })
            .collect(),
    }
}

// ---------------------------------------------------------------------------------------
// Cities of the education-flow network.

fn city_name(city: &CityDegree, lang: Lang) -> String {
    match lang {
        Lang::En => city.city_en.clone(),
        Lang::Zh => city.city_zh.clone(),
    }
}

/// The place of a city: its country when that is the United States or China (by the
/// table's own country code), another country otherwise.
pub fn city_place(city: &CityDegree) -> Place {
    match city.country_code.to_ascii_lowercase().as_str() {
        "us" => Place::Us,
        "cn" => Place::China,
        _ => Place::Other,
    }
}

/// The key of the city colours: the places among the cities, in the order US, China,
/// others.
fn city_places(cities: &[CityDegree], lang: Lang) -> Vec<RowKey> {
    [
        (Place::Us, label("us", lang)),
        (Place::China, label("cn", lang)),
        (Place::Other, copy::FLOWS_CITY_ELSEWHERE.get(lang)),
    ]
    .into_iter()
    .filter(|(place, _)| cities.iter().any(|c| city_place(c) == *place))
    .map(|(place, name)| RowKey {
        label: name.to_string(),
        mark: KeyMark::Place(place),
    })
    .collect()
}

fn city_tip(city: &CityDegree, lang: Lang) -> Tip {
    let num = |v: f64| format::exact(v, lang);
    Tip {
        heading: city_name(city, lang),
        value: copy::FLOWS_CITY_TIP.fill(
            lang,
            &[
                ("dwi", &num(city.dwi)),
                ("dwo", &num(city.dwo)),
                ("net", &format::signed(city.net_computed, 0, lang)),
            ],
        ),
        detail: copy::FLOWS_CITY_DETAIL.fill(
            lang,
            &[("dw", &num(city.dw)), ("rank", &city.rank.to_string())],
        ),
    }
}

fn city_row(city: &CityDegree, a: f64, b: f64, value_text: String, lang: Lang) -> RowDatum {
    RowDatum {
        key: city.fact_id.clone(),
        label: city_name(city, lang),
        place: city_place(city),
        a,
        b,
        value_text,
        tip: city_tip(city, lang),
    }
}

/// The net flow of every city: largest gain first, ties in rank order.
pub fn city_net_rows(cities: &[CityDegree], lang: Lang) -> RowChartData {
    let sorted = crate::order::sorted(cities.iter().collect(), &|a: &&CityDegree, b| {
        b.net_computed.total_cmp(&a.net_computed)
    });
    RowChartData {
        style: RowStyle::Net,
        rows: sorted
            .into_iter()
            .map(|c| {
                let text = format::signed(c.net_computed, 0, lang);
                city_row(c, c.net_computed, 0.0, text, lang)
            })
            .collect(),
        key: city_places(cities, lang),
        directions: Some([
            copy::FLOWS_CITY_LOSS.get(lang).to_string(),
            copy::FLOWS_CITY_GAIN.get(lang).to_string(),
        ]),
        title: copy::FLOWS_CITY_NET_TITLE.get(lang).to_string(),
    }
}

/// Arrivals (Dwi, a filled dot) and departures (Dwo, a ring) of every city, in rank order.
pub fn city_dot_rows(cities: &[CityDegree], lang: Lang) -> RowChartData {
    let marks = [
        RowKey {
            label: copy::FLOWS_ARRIVALS.get(lang).to_string(),
            mark: KeyMark::Dot,
        },
        RowKey {
            label: copy::FLOWS_DEPARTURES.get(lang).to_string(),
            mark: KeyMark::Ring,
        },
    ];
    RowChartData {
        style: RowStyle::Dots,
        rows: cities
            .iter()
            .map(|c| city_row(c, c.dwi, c.dwo, String::new(), lang))
            .collect(),
        key: marks.into_iter().chain(city_places(cities, lang)).collect(),
        directions: None,
        title: copy::FLOWS_CITY_DOTS_TITLE.get(lang).to_string(),
    }
}

fn city_source(cities: &[CityDegree], data: &Dataset, lang: Lang) -> String {
    let source = cities
        .first()
        .and_then(|c| publisher(data, &c.fact_id, lang))
        .unwrap_or_default();
    copy::FLOWS_CITY_SOURCE.fill(lang, &[("source", source)])
}

/// Title, what is counted, caveat (the cities that lose talent) and source of the city
/// net-flow rows.
pub fn city_net_text(cities: &[CityDegree], data: &Dataset, lang: Lang) -> ChartText {
    let losing: Vec<&CityDegree> = cities.iter().filter(|c| c.net_computed < 0.0).collect();
    let names: Vec<String> =
        crate::order::sorted(losing, &|a, b| a.net_computed.total_cmp(&b.net_computed))
            .into_iter()
            .map(|c| {
                copy::FLOWS_CITY_ENTRY.fill(
                    lang,
                    &[
                        ("city", &city_name(c, lang)),
                        ("net", &format::signed(c.net_computed, 0, lang)),
                    ],
                )
            })
            .collect();
    ChartText {
        title: copy::FLOWS_CITY_NET_TITLE.get(lang).to_string(),
        subtitle: copy::FLOWS_CITY_NET_SUBTITLE.fill(lang, &[("n", &cities.len().to_string())]),
        notes: vec![copy::FLOWS_CITY_NET_CAVEAT
            .fill(lang, &[("list", &join(names, copy::FLOWS_CITY_LIST, lang))])],
        source: city_source(cities, data, lang),
    }
}

/// Title, what is counted, caveat and source of the city dot rows.
pub fn city_dots_text(cities: &[CityDegree], data: &Dataset, lang: Lang) -> ChartText {
    ChartText {
        title: copy::FLOWS_CITY_DOTS_TITLE.get(lang).to_string(),
        subtitle: copy::FLOWS_CITY_DOTS_SUBTITLE.fill(lang, &[("n", &cities.len().to_string())]),
        notes: vec![copy::FLOWS_CITY_DOTS_CAVEAT.get(lang).to_string()],
        source: city_source(cities, data, lang),
    }
}

/// The city table as the app reads it, with its checks: the table of both city charts.
pub fn city_table(cities: &[CityDegree], lang: Lang) -> Table {
    let verdict = |ok: bool| {
        if ok {
            copy::FLOWS_HOLDS
        } else {
            copy::FLOWS_FAILS
        }
        .get(lang)
        .to_string()
    };
    let num = |v: f64| format::exact(v, lang);
    Table {
        headers: [
            copy::FLOWS_CITY,
            copy::FLOWS_RANK,
            copy::FLOWS_DW,
            copy::FLOWS_DWI,
            copy::FLOWS_DWO,
            copy::FLOWS_NET_STATED,
            copy::FLOWS_NET_COMPUTED,
            copy::FLOWS_SUM_CHECK,
            copy::FLOWS_NET_CHECK,
        ]
        .iter()
        .map(|t| t.get(lang).to_string())
        .collect(),
        rows: cities
            .iter()
            .map(|c| {
                vec![
                    city_name(c, lang),
                    c.rank.to_string(),
                    num(c.dw),
                    num(c.dwi),
                    num(c.dwo),
                    c.net_stated
                        .map_or_else(|| copy::CHART_NOT_REPORTED.get(lang).to_string(), &num),
                    num(c.net_computed),
                    verdict(c.sum_ok),
                    verdict(c.net_ok),
                ]
            })
            .collect(),
    }
}

/// The app's checks of the city table's arithmetic: sums, nets and ranks.
pub fn city_checks(cities: &[CityDegree], lang: Lang) -> Vec<Check> {
    let n = cities.len();
    [
        (
            copy::FLOWS_SUM_HOLDS,
            cities.iter().filter(|c| c.sum_ok).count(),
        ),
        (
            copy::FLOWS_NET_HOLDS,
            cities.iter().filter(|c| c.net_ok).count(),
        ),
        (
            copy::FLOWS_RANK_HOLDS,
            cities.iter().filter(|c| c.rank_ok).count(),
        ),
    ]
    .into_iter()
    .map(|(text, k)| Check {
        text: text.fill(lang, &[("k", &k.to_string()), ("n", &n.to_string())]),
        holds: k == n,
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::projection::Baseline;
    use crate::series::cities::city_network;
    use crate::series::regions::country_network;

    fn data() -> &'static Dataset {
        Dataset::embedded()
    }

    fn flow(key: FlowKey) -> CareerFlow {
        CareerFlow::build(key, data()).expect("flow")
    }

    fn node<'a>(chart: &'a FlowChartData, key: &str) -> &'a FlowNodeDatum {
        chart
            .nodes
            .iter()
            .find(|n| n.key == key)
            .unwrap_or_else(|| panic!("{key}"))
    }

    fn link<'a>(chart: &'a FlowChartData, from: &str, to: &str) -> &'a FlowLinkDatum {
        chart
            .links
            .iter()
            .find(|l| chart.nodes[l.source].key == from && chart.nodes[l.target].key == to)
            .unwrap_or_else(|| panic!("{from} -> {to}"))
    }

    #[test]
    fn career_tips_say_the_value_its_share_and_its_basis() {
        let f = flow(FlowKey::Carnegie2025);
        let en = career_chart(&f, Lang::En);
        // 41 of the 87 still in the US work at companies: 41 / 87 = 47.1%.
        let tip = &link(&en, "cg_us", "cg_us_companies").tip;
        assert_eq!(tip.heading, "United States → US companies");
        assert_eq!(tip.value, "41 researchers");
        assert_eq!(
            tip.detail,
            "47.1% of United States (87 researchers); stated by the source"
        );
        let zh = career_chart(&f, Lang::Zh);
        let tip = &link(&zh, "cg_us", "cg_us_companies").tip;
        assert_eq!(tip.heading, "美国→美国企业");
        assert_eq!(tip.value, "41人");
        assert_eq!(tip.detail, "占美国（87人）的47.1%；来源给出");
        // A node: 87 of the cohort of 100 = 87.0%; its label prints the number alone.
        let us = node(&en, "cg_us");
        assert_eq!(
            us.tip.value,
            "87 researchers · 87.0% of all 100 researchers"
        );
        assert_eq!(
            (us.label.as_str(), us.value_text.as_str()),
            ("United States", "87")
        );
        // The remainder of China's 10 returnees: 10 − 2 − 2 − 5 = 1, not described.
        let rest = &link(&en, "cg_cn", "cg_cn_nr").tip;
        assert_eq!(rest.value, "1 researcher");
        assert!(rest
            .detail
            .ends_with("not reported; remainder 10 − 2 − 2 − 5"));
        // The stage headings and the cohort's name carry the facts' years.
        assert_eq!(en.stages, ["2019", "2025: country", "2025: role"]);
        assert_eq!(node(&zh, "cg_2019").label, "2019年在美国机构");
    }

    #[test]
    fn styles_follow_places_and_kinds() {
        let style = |chart: &FlowChartData, key: &str| node(chart, key).style;
        let carnegie = career_chart(&flow(FlowKey::Carnegie2025), Lang::En);
        assert_eq!(style(&carnegie, "cg_2019").place, Place::Neutral);
        assert_eq!(style(&carnegie, "cg_us").place, Place::Us);
        assert_eq!(style(&carnegie, "cg_other").place, Place::Rest);
        assert_eq!(style(&carnegie, "cg_cn_nr").kind, CellKind::NotReported);
        // A ribbon leaving the whole sample takes its target's place; one inside a
        // branch its source's; one into a not-reported part is not reported.
        let l = |chart: &FlowChartData, a: &str, b: &str| link(chart, a, b).style;
        assert_eq!(l(&carnegie, "cg_2019", "cg_cn").place, Place::China);
        assert_eq!(l(&carnegie, "cg_us", "cg_us_phd").place, Place::Us);
        assert_eq!(
            l(&carnegie, "cg_cn", "cg_cn_nr").kind,
            CellKind::NotReported
        );
        assert_eq!(l(&carnegie, "cg_us", "cg_us_phd").kind, CellKind::Stated);
        // DeepSeek's US-tied authors are no one place: their paths take their targets'.
        let hoover = career_chart(&flow(FlowKey::HooverDeepSeek2025), Lang::En);
        assert_eq!(style(&hoover, "hv_us_ties").place, Place::Neutral);
        assert_eq!(l(&hoover, "hv_us_ties", "hv_stayed_us").place, Place::Us);
        assert_eq!(l(&hoover, "hv_us_ties", "hv_returned").place, Place::China);
        // MacroPolo 2019: 56% × 88% = 49.28% work in the US, derived, with its formula.
        let mp = career_chart(&flow(FlowKey::MacroPoloChinaPathways), Lang::En);
        let stay = node(&mp, "mp19_us_work_us");
        assert_eq!(stay.style.kind, CellKind::Derived);
        assert_eq!(stay.value_text, "49.28%");
        assert_eq!(stay.tip.detail, "derived: 56% × 88%");
        assert_eq!(stay.tip.value, "49.28% of the sample");
        assert_eq!(l(&mp, "mp19_us", "mp19_us_work_us").kind, CellKind::Derived);
    }

    #[test]
    fn the_region_chart_and_rows_read_the_derived_table() {
        let net = country_network(Baseline::embedded());
        let chart = region_chart(&net, Lang::En);
        // Origin and work margins are MacroPolo's shares of the pool of 100: the US
        // trained 20 and employs 59, so it gains 59 − 20 = +39; China trained 29 and
        // employs 11: 11 − 29 = −18.
        let share = |id: &str| data().number(id).expect(id);
        let us_gain = share("mp19_work_share_us") - share("mp19_origin_share_us");
        assert_eq!(us_gain, 39.0);
        assert_eq!(node(&chart, "origin_us").value_text, "20.0");
        assert_eq!(node(&chart, "work_us").tip.value, "59.0 per 100");
        let rows = region_net_rows(&net, Lang::En);
        assert_eq!(rows.rows[0].value_text, "+39.0");
        assert_eq!(rows.rows[1].value_text, "-18.0");
        assert_eq!(rows.rows[0].tip.value, "+39.0 per 100");
        assert_eq!(
            region_net_rows(&net, Lang::Zh).rows[1].tip.value,
            "每100人中-18.0人"
        );
        assert!(chart
            .links
            .iter()
            .all(|l| l.style.kind == CellKind::Derived));
        let table = region_metrics_table(&net, Lang::En);
        assert_eq!(table.headers.len(), table.rows[0].len());
        assert_eq!(table.rows[0][7], "+39.0");
    }

    #[test]
    fn city_rows_tables_and_checks() {
        let cities = city_network(data());
        // San Francisco gains the most: 65 − 12 = +53; Beijing loses the most:
        // 14 − 33 = −19, then Shanghai 0 − 13 = −13 and Raleigh 6 − 7 = −1.
        let net = city_net_rows(&cities, Lang::En);
        assert_eq!(net.rows[0].label, "San Francisco");
        assert_eq!(net.rows[0].value_text, "+53");
        let last: Vec<&str> = net.rows[net.rows.len() - 3..]
            .iter()
            .map(|r| r.label.as_str())
            .collect();
        assert_eq!(last, ["Raleigh", "Shanghai", "Beijing"]);
        let text = city_net_text(&cities, data(), Lang::En);
        assert!(
            text.notes[0].ends_with(": Beijing -19, Shanghai -13, Raleigh -1."),
            "{}",
            text.notes[0]
        );
        let zh = city_net_text(&cities, data(), Lang::Zh);
        assert!(
            zh.notes[0].ends_with("：北京-19、上海-13、罗利-1。"),
            "{}",
            zh.notes[0]
        );
        let beijing = net
            .rows
            .iter()
            .find(|r| r.label == "Beijing")
            .expect("Beijing");
        assert_eq!(beijing.place, Place::China);
        assert_eq!(beijing.tip.value, "Dwi 14 in, Dwo 33 out, net -19");
        assert_eq!(beijing.tip.detail, "Weighted degree Dw 47, rank 3");
        let table = city_table(&cities, Lang::En);
        let row = table.rows.iter().find(|r| r[0] == "Beijing").expect("row");
        assert_eq!(
            row,
            &["Beijing", "3", "47", "14", "33", "-19", "-19", "holds", "holds"]
        );
        let checks = city_checks(&cities, Lang::En);
        assert_eq!(checks[0].text, "Dw = Dwi + Dwo holds for 15 of 15 cities.");
        assert!(checks.iter().all(|c| c.holds));
        // The dots: arrivals then departures, and a key of the marks and the places.
        let dots = city_dot_rows(&cities, Lang::En);
        assert_eq!((dots.rows[0].a, dots.rows[0].b), (65.0, 12.0));
        let marks: Vec<KeyMark> = dots.key.iter().map(|k| k.mark).collect();
        assert_eq!(
            marks,
            [
                KeyMark::Dot,
                KeyMark::Ring,
                KeyMark::Place(Place::Us),
                KeyMark::Place(Place::China),
                KeyMark::Place(Place::Other)
            ]
        );
    }

    /// Every text the flow charts show, in `lang`; with `sources`, the source lines too,
    /// which quote the data pack's publishers (English only until the pack has reader
    /// text in Chinese).
    fn every_text(lang: Lang, sources: bool) -> Vec<String> {
        let mut texts = Vec::new();
        let mut chart_texts = |t: ChartText| {
            texts.extend([t.title, t.subtitle]);
            texts.extend(t.notes);
            if sources {
                texts.push(t.source);
            }
        };
        let cities = city_network(data());
        let net = country_network(Baseline::embedded());
        for key in FlowKey::ALL {
            chart_texts(career_text(&flow(key), data(), lang));
        }
        chart_texts(region_text(&net, data(), lang));
        chart_texts(region_net_text(&net, data(), lang));
        chart_texts(city_net_text(&cities, data(), lang));
        chart_texts(city_dots_text(&cities, data(), lang));
        let mut charts: Vec<FlowChartData> = FlowKey::ALL
            .iter()
            .map(|&k| career_chart(&flow(k), lang))
            .collect();
        charts.push(region_chart(&net, lang));
        for chart in charts {
            texts.extend(chart.stages);
            texts.push(chart.title);
            for n in chart.nodes {
                texts.extend([
                    n.label,
                    n.value_text,
                    n.tip.heading,
                    n.tip.value,
                    n.tip.detail,
                ]);
            }
            for l in chart.links {
                texts.extend([l.tip.heading, l.tip.value, l.tip.detail]);
            }
        }
        for rows in [
            region_net_rows(&net, lang),
            city_net_rows(&cities, lang),
            city_dot_rows(&cities, lang),
        ] {
            texts.push(rows.title);
            texts.extend(rows.directions.into_iter().flatten());
            texts.extend(rows.key.into_iter().map(|k| k.label));
            for r in rows.rows {
                texts.extend([
                    r.label,
                    r.value_text,
                    r.tip.heading,
                    r.tip.value,
                    r.tip.detail,
                ]);
            }
        }
        let mut tables: Vec<Table> = FlowKey::ALL
            .iter()
            .map(|&k| career_table(&flow(k), lang))
            .collect();
        tables.extend([
            region_table(&net, lang),
            region_metrics_table(&net, lang),
            city_table(&cities, lang),
        ]);
        for table in tables {
            texts.extend(table.headers);
            texts.extend(table.rows.into_iter().flatten());
        }
        texts.extend(city_checks(&cities, lang).into_iter().map(|c| c.text));
        texts
    }

    #[test]
    fn no_reader_text_leaks_an_identifier_or_a_placeholder() {
        for lang in [Lang::En, Lang::Zh] {
            for text in every_text(lang, true) {
                let lower = text.to_lowercase();
                assert!(
                    !text.contains('{') && !text.contains('}'),
                    "{lang:?}: {text}"
                );
                assert!(!lower.contains("seed"), "{lang:?}: {text}");
                assert!(!text.contains('_'), "{lang:?}: an id in {text}");
                // Discrepancy and not-found ids: d08, nf06.
                let words = lower.split(|c: char| !c.is_ascii_alphanumeric());
                for word in words {
                    let id = |p: &str| {
                        word.strip_prefix(p)
                            .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
                    };
                    assert!(!(id("d") || id("nf")), "{lang:?}: {word} in {text}");
                }
            }
        }
    }

    #[test]
    fn chinese_prose_uses_full_width_punctuation() {
        let cjk = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
        for text in every_text(Lang::Zh, false) {
            let chars: Vec<char> = text.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                if ",:;()?!".contains(*c) {
                    let before = i.checked_sub(1).map(|j| chars[j]);
                    let after = chars.get(i + 1).copied();
                    assert!(
                        !before.is_some_and(cjk) && !after.is_some_and(cjk),
                        "half-width {c:?} next to Chinese in {text}"
                    );
                }
            }
        }
    }
}
