//! A Sankey chart laid out in one language at one width class: node rectangles, ribbons as
//! flattened polygons, labels in lanes no ribbon crosses, stage headings, tooltips, and the
//! pure parts of the interaction (hit-testing, keyboard moves, what to highlight).
//!
//! The geometry comes from [`sankey_labels::plan`] (lanes, wrapped labels nudged apart,
//! a height tall enough for every column of labels) measured with the one deterministic
//! [`text_width`], so the plan, and the chart's height, are the same in every browser and
//! natively. Each ribbon is flattened once here; drawing and hit-testing use the same
//! polygon.

use super::bars::{LegendEntry, MarkStyle};
use super::curve::{cubic, distance_to_outline, inside, Point};
use super::measure::text_width;
use super::sankey::{Hit, LinkLayout, SankeyError, SankeyLayout};
use super::sankey_labels::{self, Align, Lane, NavKey, PlanStyle, TextBox};
use super::text::{Anchor, TextRun};
use super::tip::Tip;
use super::width::WidthClass;
use crate::copy;
use crate::model::projection::Baseline;
use crate::series::career_flows::CareerFlow;
use crate::series::display::CellKind;
use crate::series::flows::{career_chart, region_chart, FlowChartData};
use crate::series::place::Place;
use crate::series::regions::country_network;
use crate::Lang;

/// The runs of a wrapped text box: each line's regular text, then its bold tail. A right
/// aligned line ends with its tail at the box's right edge, so it stays flush whatever
/// font a browser sets it in.
pub fn runs(text_box: &TextBox, size: f64, line_height: f64) -> Vec<TextRun> {
    let mut out = Vec::new();
    for (k, line) in text_box.lines.iter().enumerate() {
        let y = text_box.y0 + line_height * (k as f64 + 0.5);
        let run = |x: f64, anchor: Anchor, text: &str, bold: bool| TextRun {
            x,
            y,
            anchor,
            text: text.to_string(),
            size,
            bold,
        };
        match (text_box.align, &line.bold) {
            (Align::Left, bold) => {
                out.push(run(text_box.x0, Anchor::Start, &line.text, false));
                if let Some(bold) = bold {
                    let offset = if line.text.is_empty() {
                        0.0
                    } else {
                        text_width(&format!("{} ", line.text), size, false)
                    };
                    out.push(run(text_box.x0 + offset, Anchor::Start, bold, true));
                }
            }
            (Align::Right, None) => out.push(run(text_box.x1, Anchor::End, &line.text, false)),
            (Align::Right, Some(bold)) => {
                out.push(run(text_box.x1, Anchor::End, bold, true));
                let tail = text_width(" ", size, false) + text_width(bold, size, true);
                out.push(run(text_box.x1 - tail, Anchor::End, &line.text, false));
            }
        }
    }
    out.retain(|r| !r.text.is_empty());
    out
}

/// One node: its rectangle, label and tooltip.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeMark {
    /// Stable key (for links that pin it).
    pub key: String,
    /// Left, top, right, bottom of the rectangle (at least 1 px tall).
    pub bounds: [f64; 4],
    /// Place and kind.
    pub style: MarkStyle,
    /// The label's box in its lane (hit-testing, focus ring).
    pub label: TextBox,
    /// The label's lines, placed.
    pub text: Vec<TextRun>,
    /// A short line from the node to its label when the label had to move away from it.
    pub leader: Option<[Point; 2]>,
    /// Tooltip.
    pub tip: Tip,
}

/// One ribbon: its outline, style and tooltip.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkMark {
    /// Stable key, `source key-target key` (for links that pin it).
    pub key: String,
    /// Index of the source node.
    pub source: usize,
    /// Index of the target node.
    pub target: usize,
    /// The ribbon as a closed polygon: its top edge left to right, then its bottom edge
    /// right to left, each [`LinkMark::edge_points`] long.
    pub outline: Vec<Point>,
    /// Place and kind: a ribbon into a not-reported part has dashed edges.
    pub style: MarkStyle,
    /// Where its tooltip points: the bottom edge of the ribbon half-way along.
    pub tip_at: Point,
    /// Tooltip.
    pub tip: Tip,
}

impl LinkMark {
    /// Points on each edge of the outline.
    pub fn edge_points(&self) -> usize {
        self.outline.len() / 2
    }

    /// The top edge (left to right) and the bottom edge (right to left).
    pub fn edges(&self) -> (&[Point], &[Point]) {
        self.outline.split_at(self.edge_points())
    }
}

/// Segments per ribbon edge: about one per 10 px of span, between 8 and 32.
fn segments(link: &LinkLayout) -> usize {
    ((link.x1 - link.x0) / 10.0).ceil().clamp(8.0, 32.0) as usize
}

/// The ribbon of a link as a closed polygon (see [`LinkMark::outline`]).
pub fn ribbon(link: &LinkLayout) -> Vec<Point> {
    let half = link.width / 2.0;
    let xm = (link.x0 + link.x1) / 2.0;
    let n = segments(link);
    let (top0, top1) = (link.y0 - half, link.y1 - half);
    let (bottom0, bottom1) = (link.y0 + half, link.y1 + half);
    let mut outline = cubic((link.x0, top0), (xm, top0), (xm, top1), (link.x1, top1), n);
    outline.extend(cubic(
        (link.x1, bottom1),
        (xm, bottom1),
        (xm, bottom0),
        (link.x0, bottom0),
        n,
    ));
    outline
}

/// Extra pixels around shapes for a touch (a finger is less precise than a mouse).
pub const TOUCH_SLOP: f64 = 8.0;

/// A Sankey chart laid out in one language at one width class.
#[derive(Clone, Debug, PartialEq)]
pub struct SankeyChartPlan {
    /// Design width.
    pub width: f64,
    /// Design height: depends only on the data, the language and the width class.
    pub height: f64,
    /// Text sizes and spacing used.
    pub style: PlanStyle,
    /// Nodes, in input order.
    pub nodes: Vec<NodeMark>,
    /// Ribbons, in drawing order (the last one is on top).
    pub links: Vec<LinkMark>,
    /// The stage headings, placed.
    pub headings: Vec<TextRun>,
    /// What the hatched and the outlined marks mean, when the chart has them.
    pub legend: Vec<LegendEntry>,
    /// What the chart shows and how to use it, for screen readers.
    pub description: String,
    /// The label lane of each column, where no ribbon goes.
    pub lanes: Vec<Lane>,
    /// The laid-out graph the keyboard moves and the highlights follow.
    pub layout: SankeyLayout,
}

impl SankeyChartPlan {
    /// Lays out `chart` at the design width of `class`.
    ///
    /// # Errors
    /// [`SankeyError`] when the graph is invalid or the width leaves no room for ribbons.
    pub fn new(
        chart: &FlowChartData,
        lang: Lang,
        class: WidthClass,
    ) -> Result<SankeyChartPlan, SankeyError> {
        let width = class.design_width();
        let style = PlanStyle::for_width(width);
        let (nodes, links, labels) = chart.sankey_input();
        let placed = sankey_labels::plan(
            &nodes,
            &links,
            &labels,
            &chart.stages,
            width,
            style,
            &text_width,
        )?;
        let (layout, lanes) = (placed.laned.layout, placed.laned.lanes);
        let node_marks = layout
            .nodes
            .iter()
            .zip(&chart.nodes)
            .zip(placed.labels)
            .map(|((node, datum), label)| {
                let centre = (label.y0 + label.y1) / 2.0;
                let reach = ((label.y1 - label.y0) / 2.0 - style.line_height / 2.0).max(0.0);
                let leader = (!label.lines.is_empty()
                    && (centre - label.anchor_y).abs() > reach + 1.0)
                    .then(|| {
                        let (from_x, to_x) = match label.align {
                            Align::Right => (node.x0 - 1.0, label.x1 + 1.0),
                            Align::Left => (node.x1 + 1.0, label.x0 - 1.0),
                        };
                        let to_y = label.anchor_y.clamp(
                            label.y0 + style.line_height / 2.0,
                            label.y1 - style.line_height / 2.0,
                        );
                        [(from_x, label.anchor_y), (to_x, to_y)]
                    });
                NodeMark {
                    key: datum.key.clone(),
                    bounds: [node.x0, node.y0, node.x1, node.y0 + node.height().max(1.0)],
                    style: datum.style,
                    text: runs(&label, style.font, style.line_height),
                    label,
                    leader,
                    tip: datum.tip.clone(),
                }
            })
            .collect();
        let link_marks = layout
            .links
            .iter()
            .zip(&chart.links)
            .map(|(link, datum)| {
                let key = |i: usize| chart.nodes.get(i).map_or("", |n| n.key.as_str());
                let x = (link.x0 + link.x1) / 2.0;
                LinkMark {
                    key: format!("{}-{}", key(datum.source), key(datum.target)),
                    source: link.source,
                    target: link.target,
                    outline: ribbon(link),
                    style: datum.style,
                    tip_at: (x, link.centre_y_at(x).unwrap_or(link.y0) + link.width / 2.0),
                    tip: datum.tip.clone(),
                }
            })
            .collect();
        let headings = placed
            .headings
            .iter()
            .flat_map(|h| runs(h, style.heading_font, style.heading_line_height))
            .map(|run| TextRun { bold: true, ..run })
            .collect();
        let legend = [
            (CellKind::NotReported, copy::CHART_NOT_REPORTED),
            (CellKind::Derived, copy::CHART_DERIVED),
        ]
        .into_iter()
        .filter(|(kind, _)| chart.nodes.iter().any(|n| n.style.kind == *kind))
        .map(|(kind, text)| LegendEntry {
            label: text.get(lang).to_string(),
            style: MarkStyle {
                place: Place::Neutral,
                step: 0,
                kind,
            },
        })
        .collect();
        let description = copy::SANKEY_DESCRIPTION.fill(
            lang,
            &[
                ("title", &chart.title),
                ("n", &chart.links.len().to_string()),
            ],
        );
        Ok(SankeyChartPlan {
            width,
            height: placed.height.ceil(),
            style,
            nodes: node_marks,
            links: link_marks,
            headings,
            legend,
            description: copy::FLOWS_THEN.fill(
                lang,
                &[
                    ("first", &description),
                    ("second", copy::SANKEY_KEYBOARD_HINT.get(lang)),
                ],
            ),
            lanes,
            layout,
        })
    }

    /// The Sankey of a career flow.
    ///
    /// # Errors
    /// [`SankeyError`] when the width leaves no room for ribbons.
    pub fn career(
        flow: &CareerFlow,
        lang: Lang,
        class: WidthClass,
    ) -> Result<SankeyChartPlan, SankeyError> {
        SankeyChartPlan::new(&career_chart(flow, lang), lang, class)
    }

    /// The Sankey of the regions researchers studied in and work in.
    ///
    /// # Errors
    /// [`SankeyError`] when the width leaves no room for ribbons.
    pub fn regions(
        baseline: &Baseline,
        lang: Lang,
        class: WidthClass,
    ) -> Result<SankeyChartPlan, SankeyError> {
        SankeyChartPlan::new(&region_chart(&country_network(baseline), lang), lang, class)
    }

    /// The node or link under `(x, y)`: a label counts as its node, then node rectangles,
    /// then ribbons (the one on top first); shapes are grown by `slop` pixels
    /// ([`TOUCH_SLOP`] for touch, 0 for a mouse).
    pub fn hit(&self, x: f64, y: f64, slop: f64) -> Option<Hit> {
        if let Some(n) = self
            .nodes
            .iter()
            .position(|n| !n.label.lines.is_empty() && n.label.contains(x, y))
        {
            return Some(Hit::Node(n));
        }
        if let Some(n) = self.nodes.iter().position(|n| {
            let [x0, y0, x1, y1] = n.bounds;
            x >= x0 - slop && x <= x1 + slop && y >= y0 - slop && y <= y1 + slop
        }) {
            return Some(Hit::Node(n));
        }
        self.links
            .iter()
            .rposition(|l| {
                inside(&l.outline, x, y) || distance_to_outline(&l.outline, x, y) <= slop
            })
            .map(Hit::Link)
    }

    /// Where `key` moves the keyboard focus from `current` (see [`sankey_labels::step`]).
    pub fn step(&self, current: Option<Hit>, key: NavKey) -> Option<Hit> {
        sankey_labels::step(&self.layout, current, key)
    }

    /// What to light up for a focused or pinned node or link, as `(links, nodes)` flags
    /// (see [`sankey_labels::highlight`]); everything when nothing is active.
    pub fn highlight(&self, active: Option<Hit>) -> (Vec<bool>, Vec<bool>) {
        match active {
            Some(hit) => sankey_labels::highlight(&self.layout, hit),
            None => (vec![true; self.links.len()], vec![true; self.nodes.len()]),
        }
    }

    /// The node or link with this key (a pin kept in the page's link).
    pub fn find(&self, key: &str) -> Option<Hit> {
        if let Some(n) = self.nodes.iter().position(|n| n.key == key) {
            return Some(Hit::Node(n));
        }
        self.links.iter().position(|l| l.key == key).map(Hit::Link)
    }

    /// The key of a node or link.
    pub fn key_of(&self, hit: Hit) -> Option<&str> {
        match hit {
            Hit::Node(n) => self.nodes.get(n).map(|n| n.key.as_str()),
            Hit::Link(l) => self.links.get(l).map(|l| l.key.as_str()),
        }
    }

    /// The tooltip of a node or link.
    pub fn tip(&self, hit: Hit) -> Option<&Tip> {
        match hit {
            Hit::Node(n) => self.nodes.get(n).map(|n| &n.tip),
            Hit::Link(l) => self.links.get(l).map(|l| &l.tip),
        }
    }

    /// Where the tooltip of a node or link points: under the node and its label (at the
    /// label's left edge when the label is left of the node), or under the middle of a
    /// ribbon.
    pub fn tip_at(&self, hit: Hit) -> Option<(f64, f64)> {
        match hit {
            Hit::Node(n) => self.nodes.get(n).map(|n| {
                let x = match n.label.align {
                    Align::Right => n.label.x0,
                    Align::Left => n.bounds[0],
                };
                (x, n.bounds[3].max(n.label.y1))
            }),
            Hit::Link(l) => self.links.get(l).map(|l| l.tip_at),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::sankey::Hit;
    use crate::layout::text::Anchor;
    use crate::series::career_flows::{career_flows, CareerFlow, FlowKey};
    use crate::Dataset;

    fn flow(key: FlowKey) -> CareerFlow {
        CareerFlow::build(key, Dataset::embedded()).expect("flow")
    }

    fn carnegie(lang: Lang, class: WidthClass) -> SankeyChartPlan {
        SankeyChartPlan::career(&flow(FlowKey::Carnegie2025), lang, class).expect("plan")
    }

    /// Every plan of the Flows view, in both languages at every width class.
    fn every_plan() -> Vec<(String, SankeyChartPlan)> {
        let mut plans = Vec::new();
        for lang in [Lang::En, Lang::Zh] {
            for class in WidthClass::ALL {
                for f in career_flows(Dataset::embedded()).expect("flows") {
                    let plan = SankeyChartPlan::career(&f, lang, class).expect("plan");
                    plans.push((format!("{} {lang:?} {class:?}", f.key.as_str()), plan));
                }
                let plan =
                    SankeyChartPlan::regions(Baseline::embedded(), lang, class).expect("plan");
                plans.push((format!("regions {lang:?} {class:?}"), plan));
            }
        }
        plans
    }

    /// The box a run covers, as the plan measures it.
    fn run_box(run: &TextRun) -> [f64; 4] {
        let w = text_width(&run.text, run.size, run.bold);
        let x0 = match run.anchor {
            Anchor::Start => run.x,
            Anchor::Middle => run.x - w / 2.0,
            Anchor::End => run.x - w,
        };
        [x0, run.y - run.size / 2.0, x0 + w, run.y + run.size / 2.0]
    }

    fn overlap(a: [f64; 4], b: [f64; 4]) -> bool {
        a[0] < b[2] - 1e-9 && b[0] < a[2] - 1e-9 && a[1] < b[3] - 1e-9 && b[1] < a[3] - 1e-9
    }

    #[test]
    fn a_ribbon_is_its_curve_edges_offset_by_half_its_width() {
        // A 10-px ribbon from (0, 20) to (100, 60): 10 segments an edge (100 / 10), so 11
        // points each. By symmetry the centre line passes (50, 40) half-way, so the
        // edges pass (50, 35) and (50, 45).
        let link = LinkLayout {
            source: 0,
            target: 1,
            value: 1.0,
            width: 10.0,
            x0: 0.0,
            x1: 100.0,
            y0: 20.0,
            y1: 60.0,
        };
        let outline = ribbon(&link);
        assert_eq!(outline.len(), 22);
        assert_eq!(outline[0], (0.0, 15.0));
        assert_eq!(outline[5], (50.0, 35.0));
        assert_eq!(outline[10], (100.0, 55.0));
        assert_eq!(outline[11], (100.0, 65.0));
        assert_eq!(outline[16], (50.0, 45.0));
        assert_eq!(outline[21], (0.0, 25.0));
        assert!(inside(&outline, 50.0, 40.0));
        assert!(!inside(&outline, 50.0, 34.0) && !inside(&outline, 50.0, 46.0));
        // Half-way the edge rises 0.8 px per px (dy/dt = 40 × 1.5 = 60 over
        // dx/dt = 100 × 0.75 = 75), so 1.5 px above it vertically is 1.5 × cos(atan 0.8)
        // = 1.17 px from it: within a 2-px slop; 3 px above is 2.34 px away: not.
        assert!(distance_to_outline(&outline, 50.0, 33.5) <= 2.0);
        assert!(distance_to_outline(&outline, 50.0, 32.0) > 2.0);
    }

    #[test]
    fn points_on_ribbons_hit_their_link_and_lanes_hit_labels_or_nothing() {
        let mut gaps = 0;
        for (name, plan) in every_plan() {
            for (l, link) in plan.links.iter().enumerate() {
                // Half-way along, on the centre line between the two edges.
                let (top, bottom) = link.edges();
                let k = top.len() / 2;
                let (x, y) = (top[k].0, (top[k].1 + bottom[bottom.len() - 1 - k].1) / 2.0);
                match plan.hit(x, y, 0.0) {
                    Some(Hit::Link(other)) => {
                        // This link, or one drawn over it there.
                        assert!(other >= l, "{name}: link {l} hit {other}");
                        assert!(inside(&plan.links[other].outline, x, y), "{name}");
                    }
                    other => panic!("{name}: the middle of link {l} hits {other:?}"),
                }
            }
            for (n, node) in plan.nodes.iter().enumerate() {
                // A label and its node's rectangle hit the node.
                let l = &node.label;
                let centre = ((l.x0 + l.x1) / 2.0, (l.y0 + l.y1) / 2.0);
                assert_eq!(
                    plan.hit(centre.0, centre.1, 0.0),
                    Some(Hit::Node(n)),
                    "{name}"
                );
                let [x0, y0, x1, y1] = node.bounds;
                let middle = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
                assert_eq!(
                    plan.hit(middle.0, middle.1, 0.0),
                    Some(Hit::Node(n)),
                    "{name}"
                );
            }
            // Between two labels of a lane, away from every node: nothing.
            for lane in &plan.lanes {
                let mut boxes: Vec<&TextBox> = plan
                    .nodes
                    .iter()
                    .filter(|n| n.label.x0 >= lane.x0 - 1e-9 && n.label.x1 <= lane.x1 + 1e-9)
                    .map(|n| &n.label)
                    .collect();
                boxes.sort_by(|a, b| a.y0.total_cmp(&b.y0));
                for pair in boxes.windows(2) {
                    let y = (pair[0].y1 + pair[1].y0) / 2.0;
                    let x = (pair[0].x0 + pair[0].x1) / 2.0;
                    let on_node = plan.nodes.iter().any(|n| {
                        let [x0, y0, x1, y1] = n.bounds;
                        x >= x0 && x <= x1 && y >= y0 && y <= y1
                    });
                    if !on_node && pair[1].y0 > pair[0].y1 {
                        assert_eq!(plan.hit(x, y, 0.0), None, "{name}: lane gap at {x}, {y}");
                        gaps += 1;
                    }
                }
            }
        }
        // The lanes of 4 classes x 2 languages x 4 charts have gaps to test.
        assert!(gaps > 50, "{gaps} gaps");
    }

    #[test]
    fn touch_slop_reaches_a_node_from_its_lane() {
        // The first column's lane is on the left of its nodes: a point 5 px left of the
        // cohort node, level with its top edge (above its label), misses with a mouse
        // and hits with a finger (8 px).
        let plan = carnegie(Lang::En, WidthClass::Full);
        let [x0, y0, _, _] = plan.nodes[0].bounds;
        let (x, y) = (x0 - 5.0, y0 + 1.0);
        assert!(!plan.nodes[0].label.contains(x, y), "the label is lower");
        assert_eq!(plan.hit(x, y, 0.0), None);
        assert_eq!(plan.hit(x, y, TOUCH_SLOP), Some(Hit::Node(0)));
    }

    #[test]
    fn keys_find_their_marks_and_keyboard_moves_follow_the_flows() {
        let plan = carnegie(Lang::Zh, WidthClass::Narrow);
        for n in 0..plan.nodes.len() {
            let key = plan.key_of(Hit::Node(n)).expect("key");
            assert_eq!(plan.find(key), Some(Hit::Node(n)));
        }
        for l in 0..plan.links.len() {
            let key = plan.key_of(Hit::Link(l)).expect("key");
            assert_eq!(plan.find(key), Some(Hit::Link(l)));
        }
        assert_eq!(plan.find("cg_2019-cg_us"), plan.find("cg_2019-cg_us"));
        assert!(matches!(plan.find("cg_2019-cg_us"), Some(Hit::Link(_))));
        assert_eq!(plan.find("no such mark"), None);
        // Nothing focused: the first node of the first column, the 2019 cohort. Right
        // goes to its top flow (to the United States, the top node of the next column),
        // and Right again to that node.
        let first = plan.step(None, NavKey::Down);
        assert_eq!(first, plan.find("cg_2019"));
        let flow = plan.step(first, NavKey::Right);
        assert_eq!(flow, plan.find("cg_2019-cg_us"));
        assert_eq!(plan.step(flow, NavKey::Right), plan.find("cg_us"));
        // Highlighting a node lights its branch: the US and its roles, not China's.
        let (links, nodes) = plan.highlight(plan.find("cg_us"));
        let lit = |key: &str| match plan.find(key) {
            Some(Hit::Node(n)) => nodes[n],
            Some(Hit::Link(l)) => links[l],
            None => panic!("{key}"),
        };
        assert!(lit("cg_2019") && lit("cg_us_companies") && lit("cg_2019-cg_us"));
        assert!(!lit("cg_cn") && !lit("cg_cn-cg_cn_founders"));
        let (links, nodes) = plan.highlight(None);
        assert!(links.iter().chain(&nodes).all(|on| *on));
    }

    #[test]
    fn labels_and_headings_never_overlap_in_either_language_at_any_width() {
        for (name, plan) in every_plan() {
            let ribbons: Vec<(f64, f64)> = plan.layout.links.iter().map(|l| (l.x0, l.x1)).collect();
            let mut texts: Vec<[f64; 4]> = Vec::new();
            for (n, node) in plan.nodes.iter().enumerate() {
                let l = &node.label;
                assert!(!l.lines.is_empty(), "{name}: node {n} has a label");
                for &(x0, x1) in &ribbons {
                    assert!(
                        l.x1 <= x0 + 1e-9 || l.x0 >= x1 - 1e-9,
                        "{name}: label {n} on a ribbon"
                    );
                }
                let [nx0, _, nx1, _] = node.bounds;
                assert!(
                    l.x1 <= nx0 + 1e-9 || l.x0 >= nx1 - 1e-9,
                    "{name}: label {n} on its node"
                );
                for run in &node.text {
                    let b = run_box(run);
                    // Each run lies in its label's box (0.5 px for the rounding of the
                    // measure's thousandths).
                    assert!(
                        b[0] >= l.x0 - 0.5 && b[2] <= l.x1 + 0.5,
                        "{name}: {run:?} in {l:?}"
                    );
                    texts.push(b);
                }
                assert!(l.y1 <= plan.height && l.x0 >= 0.0 && l.x1 <= plan.width + 1e-9);
            }
            for run in &plan.headings {
                let b = run_box(run);
                assert!(
                    b[3] <= plan
                        .layout
                        .nodes
                        .iter()
                        .map(|n| n.y0)
                        .fold(f64::INFINITY, f64::min)
                );
                assert!(b[2] <= plan.width + 1e-9, "{name}: heading {run:?} inside");
                texts.push(b);
            }
            for (i, a) in texts.iter().enumerate() {
                for b in &texts[i + 1..] {
                    assert!(!overlap(*a, *b), "{name}: texts {a:?} and {b:?} overlap");
                }
            }
        }
    }

    #[test]
    fn the_height_is_the_plans_own_and_grows_with_the_labels() {
        // Same data, language and class: the same plan, whoever computes it.
        assert_eq!(
            carnegie(Lang::En, WidthClass::Narrow),
            carnegie(Lang::En, WidthClass::Narrow)
        );
        for (name, plan) in every_plan() {
            let lowest = plan
                .nodes
                .iter()
                .map(|n| n.bounds[3].max(n.label.y1))
                .fold(0.0, f64::max);
            assert!(lowest <= plan.height, "{name}: everything on the canvas");
        }
        // Narrow labels wrap onto more lines, so the narrow Carnegie diagram is at least
        // as tall as the base height of its style (300 px) and its labels need no less
        // room than at full width.
        let narrow = carnegie(Lang::En, WidthClass::Narrow);
        assert!(narrow.height >= 300.0);
        let lines =
            |p: &SankeyChartPlan| p.nodes.iter().map(|n| n.label.lines.len()).sum::<usize>();
        assert!(lines(&narrow) > lines(&carnegie(Lang::En, WidthClass::Full)));
    }

    #[test]
    fn the_legend_names_what_the_chart_has() {
        // Carnegie has not-reported parts but nothing derived; MacroPolo has both; the
        // region chart neither (its flows are derived, its nodes are the published
        // margins).
        let kinds = |p: &SankeyChartPlan| p.legend.iter().map(|e| e.style.kind).collect::<Vec<_>>();
        assert_eq!(
            kinds(&carnegie(Lang::En, WidthClass::Full)),
            [CellKind::NotReported]
        );
        let mp = SankeyChartPlan::career(
            &flow(FlowKey::MacroPoloChinaPathways),
            Lang::En,
            WidthClass::Full,
        )
        .expect("plan");
        assert_eq!(kinds(&mp), [CellKind::NotReported, CellKind::Derived]);
        assert_eq!(mp.legend[0].label, "not reported");
        let regions = SankeyChartPlan::regions(Baseline::embedded(), Lang::Zh, WidthClass::Full)
            .expect("plan");
        assert!(regions.legend.is_empty());
        // The description counts the flows: Carnegie draws 3 + 3 + 4 + 1 = 11 ribbons
        // (cohort to 3 countries; 3 US roles; 3 described China roles and 1 not
        // described; other countries' roles not reported).
        let plan = carnegie(Lang::En, WidthClass::Full);
        assert_eq!(plan.links.len(), 11);
        assert!(
            plan.description.contains("(11 flows)"),
            "{}",
            plan.description
        );
        let zh = carnegie(Lang::Zh, WidthClass::Full);
        assert!(zh.description.starts_with("桑基图：") && zh.description.contains("共11条流向"));
    }
}
