//! A Sankey layout computed in Rust: node rectangles and link ribbons for career paths.
//!
//! Stages (columns) are explicit: a node belongs to one stage and every link goes from an
//! earlier stage to a later one. A round trip such as China undergrad -> US grad school ->
//! work in China is drawn with one node per stage, so the graph can never have a cycle.
//!
//! Geometry follows the usual d3-sankey conventions:
//! - node value = max(sum of incoming, sum of outgoing link values);
//! - one vertical scale `ky` (pixels per unit) for the whole diagram, the largest that lets
//!   every column fit: `ky = min over columns of (height - (n - 1) * gap) / column total`;
//! - a link is a ribbon of vertical thickness `width = value * ky` whose centre line is the
//!   cubic Bezier `(x0, y0) (xm, y0) (xm, y1) (x1, y1)` with `xm = (x0 + x1) / 2`;
//! - at each node the ribbons are stacked without overlap: outgoing ribbons ordered by the
//!   vertical position of their target, incoming ones by the position of their source.
//!
//! Nodes keep their input order inside a column. A few relaxation passes move each node
//! toward the value-weighted centre of its neighbours; after every move the column is
//! re-packed so that nodes never overlap and stay within `[0, height]`.

use std::collections::BTreeMap;
use std::fmt;

/// Share of the height the gaps between nodes may take before they are shrunk.
const MAX_GAP_SHARE: f64 = 0.5;
/// Hard cap on the share of the height gaps may take, even with a large `min_gap`.
const HARD_GAP_SHARE: f64 = 0.9;

/// One node of the input graph.
#[derive(Clone, Debug, PartialEq)]
pub struct SankeyNode {
    /// Unique id that links refer to.
    pub id: String,
    /// Stage (column) index, `0` on the left.
    pub stage: usize,
    /// `false` for a part the source did not publish (a remainder shown as 'not reported').
    pub reported: bool,
}

impl SankeyNode {
    /// A reported node in `stage`.
    pub fn new(id: impl Into<String>, stage: usize) -> Self {
        Self {
            id: id.into(),
            stage,
            reported: true,
        }
    }

    /// The same node, marked as not published by the source.
    #[must_use]
    pub fn unreported(mut self) -> Self {
        self.reported = false;
        self
    }
}

/// One link of the input graph.
#[derive(Clone, Debug, PartialEq)]
pub struct SankeyLink {
    /// Id of the source node (earlier stage).
    pub source: String,
    /// Id of the target node (later stage).
    pub target: String,
    /// Flow size, finite and `> 0`.
    pub value: f64,
}

impl SankeyLink {
    /// A link of `value` from `source` to `target`.
    pub fn new(source: impl Into<String>, target: impl Into<String>, value: f64) -> Self {
        Self {
            source: source.into(),
            target: target.into(),
            value,
        }
    }
}

/// Size and spacing of the diagram, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutParams {
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// Width of a node rectangle.
    pub node_width: f64,
    /// Wanted vertical gap between two nodes of a column.
    pub node_padding: f64,
    /// Smallest gap the padding may be shrunk to when the height is short. Without it the
    /// gaps shrink until they take at most half of the height; with it they never go below
    /// `min_gap`, unless that would make gaps take more than 90% of the height.
    pub min_gap: Option<f64>,
    /// Relaxation passes (each one left-to-right then right-to-left); `0` keeps every
    /// column centred as stacked.
    pub iterations: usize,
}

impl Default for LayoutParams {
    fn default() -> Self {
        Self {
            width: 960.0,
            height: 500.0,
            node_width: 16.0,
            node_padding: 12.0,
            min_gap: None,
            iterations: 6,
        }
    }
}

impl LayoutParams {
    /// Default spacing for a diagram of `width` x `height`.
    pub fn new(width: f64, height: f64) -> Self {
        Self {
            width,
            height,
            ..Self::default()
        }
    }
}

/// Why a graph or its parameters cannot be laid out.
#[derive(Clone, Debug, PartialEq)]
pub enum SankeyError {
    /// A size is negative, zero where it must not be, or not finite.
    InvalidParams(&'static str),
    /// Two nodes share an id.
    DuplicateNode(String),
    /// A link names a node that does not exist.
    UnknownNode {
        /// Index of the link in the input.
        link: usize,
        /// The missing id.
        id: String,
    },
    /// A link goes backwards or stays inside one stage.
    NotForward {
        /// Index of the link in the input.
        link: usize,
        /// Stage of its source.
        source_stage: usize,
        /// Stage of its target.
        target_stage: usize,
    },
    /// A link value is zero, negative, NaN or infinite.
    InvalidValue {
        /// Index of the link in the input.
        link: usize,
        /// The value given.
        value: f64,
    },
}

impl fmt::Display for SankeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidParams(what) => write!(f, "invalid Sankey layout parameters: {what}"),
            Self::DuplicateNode(id) => write!(f, "Sankey node id `{id}` is used twice"),
            Self::UnknownNode { link, id } => {
                write!(f, "Sankey link {link} names unknown node `{id}`")
            }
            Self::NotForward {
                link,
                source_stage,
                target_stage,
            } => write!(
                f,
                "Sankey link {link} goes from stage {source_stage} to stage {target_stage}; \
                 links must go to a later stage"
            ),
            Self::InvalidValue { link, value } => {
                write!(
                    f,
                    "Sankey link {link} has value {value}; values must be > 0"
                )
            }
        }
    }
}

impl std::error::Error for SankeyError {}

/// A laid-out node.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeLayout {
    /// Id from the input.
    pub id: String,
    /// Stage (column) index.
    pub stage: usize,
    /// `false` for a part the source did not publish.
    pub reported: bool,
    /// Node value: the larger of its incoming and outgoing totals.
    pub value: f64,
    /// Left edge.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Top edge.
    pub y0: f64,
    /// Bottom edge (`y1 - y0 = value * ky`).
    pub y1: f64,
    /// Incoming links (indices into [`SankeyLayout::links`]), top to bottom.
    pub incoming: Vec<usize>,
    /// Outgoing links (indices into [`SankeyLayout::links`]), top to bottom.
    pub outgoing: Vec<usize>,
}

impl NodeLayout {
    /// Height of the rectangle.
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    /// Vertical centre of the rectangle.
    pub fn centre_y(&self) -> f64 {
        (self.y0 + self.y1) / 2.0
    }

    /// True when `(x, y)` lies in the rectangle grown by `slop` on every side.
    pub fn contains(&self, x: f64, y: f64, slop: f64) -> bool {
        x >= self.x0 - slop && x <= self.x1 + slop && y >= self.y0 - slop && y <= self.y1 + slop
    }
}

/// A laid-out link ribbon.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkLayout {
    /// Index of the source node in [`SankeyLayout::nodes`].
    pub source: usize,
    /// Index of the target node in [`SankeyLayout::nodes`].
    pub target: usize,
    /// Flow size.
    pub value: f64,
    /// Vertical thickness of the ribbon (`value * ky`).
    pub width: f64,
    /// Where the ribbon leaves the source (its right edge).
    pub x0: f64,
    /// Where the ribbon enters the target (its left edge).
    pub x1: f64,
    /// Centre of the ribbon at the source; the ribbon covers `y0 ± width / 2` there.
    pub y0: f64,
    /// Centre of the ribbon at the target; the ribbon covers `y1 ± width / 2` there.
    pub y1: f64,
}

impl LinkLayout {
    /// The four control points of the centre line (a cubic Bezier), for drawing: offset it
    /// by `± width / 2` vertically to get the two edges of the ribbon.
    pub fn curve(&self) -> [(f64, f64); 4] {
        let xm = (self.x0 + self.x1) / 2.0;
        [
            (self.x0, self.y0),
            (xm, self.y0),
            (xm, self.y1),
            (self.x1, self.y1),
        ]
    }

    /// The y of the centre line at horizontal position `x`, or `None` outside `[x0, x1]`.
    pub fn centre_y_at(&self, x: f64) -> Option<f64> {
        if !(x >= self.x0 && x <= self.x1) {
            return None;
        }
        let span = self.x1 - self.x0;
        if span <= 0.0 {
            return Some((self.y0 + self.y1) / 2.0);
        }
        // With control points at xm, the x of the curve is x0 + span * (1.5t - 1.5t^2 + t^3),
        // strictly increasing in t; its y is y0 + (y1 - y0) * (3t^2 - 2t^3).
        let u = (x - self.x0) / span;
        let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
        for _ in 0..60 {
            let t = (lo + hi) / 2.0;
            if 1.5 * t - 1.5 * t * t + t * t * t < u {
                lo = t;
            } else {
                hi = t;
            }
        }
        let t = (lo + hi) / 2.0;
        Some(self.y0 + (self.y1 - self.y0) * (3.0 * t * t - 2.0 * t * t * t))
    }

    /// True when `(x, y)` lies on the ribbon, widened by `slop` above and below.
    pub fn contains(&self, x: f64, y: f64, slop: f64) -> bool {
        self.centre_y_at(x)
            .is_some_and(|centre| (y - centre).abs() <= self.width / 2.0 + slop)
    }
}

/// What is under a point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    /// A node (index into [`SankeyLayout::nodes`]).
    Node(usize),
    /// A link (index into [`SankeyLayout::links`]).
    Link(usize),
}

/// A computed Sankey diagram. Nodes and links keep the indices of the input slices.
#[derive(Clone, Debug, PartialEq)]
pub struct SankeyLayout {
    /// Node rectangles, in input order.
    pub nodes: Vec<NodeLayout>,
    /// Link ribbons, in input order (also the drawing order).
    pub links: Vec<LinkLayout>,
    /// Pixels per unit of value.
    pub ky: f64,
    /// Vertical gap actually used between nodes (the padding, shrunk if needed).
    pub gap: f64,
    /// Width of the diagram.
    pub width: f64,
    /// Height of the diagram.
    pub height: f64,
}

/// Lays out a Sankey diagram; shorthand for [`SankeyLayout::compute`].
///
/// # Errors
/// See [`SankeyLayout::compute`].
pub fn layout(
    nodes: &[SankeyNode],
    links: &[SankeyLink],
    params: &LayoutParams,
) -> Result<SankeyLayout, SankeyError> {
    SankeyLayout::compute(nodes, links, params)
}

fn check_params(params: &LayoutParams) -> Result<(), SankeyError> {
    let positive = |v: f64| v.is_finite() && v > 0.0;
    let non_negative = |v: f64| v.is_finite() && v >= 0.0;
    if !positive(params.width) {
        return Err(SankeyError::InvalidParams("width must be finite and > 0"));
    }
    if !positive(params.height) {
        return Err(SankeyError::InvalidParams("height must be finite and > 0"));
    }
    if !non_negative(params.node_width) || params.node_width > params.width {
        return Err(SankeyError::InvalidParams(
            "node width must be finite, >= 0 and at most the width",
        ));
    }
    if !non_negative(params.node_padding) {
        return Err(SankeyError::InvalidParams(
            "node padding must be finite and >= 0",
        ));
    }
    if params.min_gap.is_some_and(|g| !non_negative(g)) {
        return Err(SankeyError::InvalidParams(
            "minimum gap must be finite and >= 0",
        ));
    }
    Ok(())
}

/// Checks the graph and returns, per link, the (source, target) node indices.
fn resolve_links(
    nodes: &[SankeyNode],
    links: &[SankeyLink],
) -> Result<Vec<(usize, usize)>, SankeyError> {
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (position, node) in nodes.iter().enumerate() {
        if index.insert(node.id.as_str(), position).is_some() {
            return Err(SankeyError::DuplicateNode(node.id.clone()));
        }
    }
    let find = |link: usize, id: &str| {
        index
            .get(id)
            .copied()
            .ok_or_else(|| SankeyError::UnknownNode {
                link,
                id: id.to_owned(),
            })
    };
    links
        .iter()
        .enumerate()
        .map(|(i, link)| {
            let source = find(i, &link.source)?;
            let target = find(i, &link.target)?;
            let (source_stage, target_stage) = (nodes[source].stage, nodes[target].stage);
            if target_stage <= source_stage {
                return Err(SankeyError::NotForward {
                    link: i,
                    source_stage,
                    target_stage,
                });
            }
            if !(link.value.is_finite() && link.value > 0.0) {
                return Err(SankeyError::InvalidValue {
                    link: i,
                    value: link.value,
                });
            }
            Ok((source, target))
        })
        .collect()
}

/// Packs one column in place, keeping its order: no overlap, gaps of at least `gap`, all
/// inside `[0, height]` (the column must fit, which the choice of `ky` guarantees).
fn resolve_collisions(column: &[usize], y0: &mut [f64], heights: &[f64], gap: f64, height: f64) {
    let mut floor = 0.0_f64;
    for &n in column {
        y0[n] = y0[n].max(floor);
        floor = y0[n] + heights[n] + gap;
    }
    let mut ceiling = height;
    for &n in column.iter().rev() {
        y0[n] = y0[n].min(ceiling - heights[n]);
        ceiling = y0[n] - gap;
    }
    for &n in column {
        y0[n] = y0[n].max(0.0);
    }
}

impl SankeyLayout {
    /// Lays out `nodes` and `links` in a `params.width` x `params.height` box.
    ///
    /// # Errors
    /// [`SankeyError`] for invalid sizes, duplicate node ids, links naming unknown nodes,
    /// links that do not go to a later stage, and values that are not finite and `> 0`.
    pub fn compute(
        nodes: &[SankeyNode],
        links: &[SankeyLink],
        params: &LayoutParams,
    ) -> Result<Self, SankeyError> {
        check_params(params)?;
        let ends = resolve_links(nodes, links)?;
        let (width, height) = (params.width, params.height);

        let column_count = nodes.iter().map(|n| n.stage + 1).max().unwrap_or(0);
        let mut columns: Vec<Vec<usize>> = vec![Vec::new(); column_count];
        for (i, node) in nodes.iter().enumerate() {
            columns[node.stage].push(i);
        }
        let step = if column_count > 1 {
            let step = (width - params.node_width) / (column_count - 1) as f64;
            if step <= params.node_width {
                return Err(SankeyError::InvalidParams(
                    "node width leaves no room for links between the columns",
                ));
            }
            step
        } else {
            0.0
        };

        let mut incoming_total = vec![0.0_f64; nodes.len()];
        let mut outgoing_total = vec![0.0_f64; nodes.len()];
        let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
        let mut outgoing: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
        for (l, (&(s, t), link)) in ends.iter().zip(links).enumerate() {
            outgoing_total[s] += link.value;
            incoming_total[t] += link.value;
            outgoing[s].push(l);
            incoming[t].push(l);
        }
        let values: Vec<f64> = incoming_total
            .iter()
            .zip(&outgoing_total)
            .map(|(a, b)| a.max(*b))
            .collect();

        // Gap: shrink the padding when the tallest column would spend too much on gaps.
        let most = columns.iter().map(Vec::len).max().unwrap_or(0);
        let mut gap = params.node_padding;
        if most > 1 {
            let slots = (most - 1) as f64;
            let comfortable = height * MAX_GAP_SHARE / slots;
            if gap > comfortable {
                let floor = params
                    .min_gap
                    .unwrap_or(0.0)
                    .min(height * HARD_GAP_SHARE / slots);
                gap = comfortable.max(floor);
            }
        }

        // Scale: the largest that lets every column fit.
        let ky = columns
            .iter()
            .filter_map(|column| {
                let total: f64 = column.iter().map(|&n| values[n]).sum();
                (total > 0.0)
                    .then(|| (height - column.len().saturating_sub(1) as f64 * gap) / total)
            })
            .fold(f64::INFINITY, f64::min);
        let ky = if ky.is_finite() { ky } else { 0.0 };
        let heights: Vec<f64> = values.iter().map(|v| v * ky).collect();

        // Initial positions: each column stacked in input order and centred.
        let mut y0 = vec![0.0_f64; nodes.len()];
        for column in &columns {
            let used: f64 = column.iter().map(|&n| heights[n]).sum::<f64>()
                + column.len().saturating_sub(1) as f64 * gap;
            let mut y = ((height - used) / 2.0).max(0.0);
            for &n in column {
                y0[n] = y;
                y += heights[n] + gap;
            }
            resolve_collisions(column, &mut y0, &heights, gap, height);
        }

        // Relaxation toward the value-weighted centre of the neighbours.
        let weighted_centre = |y0: &[f64], own: &[usize], pick: fn(&(usize, usize)) -> usize| {
            let (mut sum, mut weight) = (0.0, 0.0);
            for &l in own {
                let other = pick(&ends[l]);
                sum += links[l].value * (y0[other] + heights[other] / 2.0);
                weight += links[l].value;
            }
            (weight > 0.0).then(|| sum / weight)
        };
        for pass in 0..params.iterations {
            let alpha = 0.99_f64.powi(i32::try_from(pass).unwrap_or(i32::MAX));
            for column in columns.iter().skip(1) {
                for &n in column {
                    if let Some(centre) = weighted_centre(&y0, &incoming[n], |e| e.0) {
                        y0[n] += (centre - (y0[n] + heights[n] / 2.0)) * alpha;
                    }
                }
                resolve_collisions(column, &mut y0, &heights, gap, height);
            }
            for column in columns.iter().rev().skip(1) {
                for &n in column {
                    if let Some(centre) = weighted_centre(&y0, &outgoing[n], |e| e.1) {
                        y0[n] += (centre - (y0[n] + heights[n] / 2.0)) * alpha;
                    }
                }
                resolve_collisions(column, &mut y0, &heights, gap, height);
            }
        }

        // Stack the ribbons at each node: ordered by the position of the other end, then
        // by input order (the sort is stable).
        for list in &mut outgoing {
            *list = crate::order::sorted(std::mem::take(list), &|&a, &b| {
                y0[ends[a].1].total_cmp(&y0[ends[b].1])
            });
        }
        for list in &mut incoming {
            *list = crate::order::sorted(std::mem::take(list), &|&a, &b| {
                y0[ends[a].0].total_cmp(&y0[ends[b].0])
            });
        }
        let x0_of = |stage: usize| stage as f64 * step;
        let mut link_layouts: Vec<LinkLayout> = ends
            .iter()
            .zip(links)
            .map(|(&(s, t), link)| LinkLayout {
                source: s,
                target: t,
                value: link.value,
                width: link.value * ky,
                x0: x0_of(nodes[s].stage) + params.node_width,
                x1: x0_of(nodes[t].stage),
                y0: 0.0,
                y1: 0.0,
            })
            .collect();
        for n in 0..nodes.len() {
            let mut y = y0[n];
            for &l in &outgoing[n] {
                let w = link_layouts[l].width;
                link_layouts[l].y0 = y + w / 2.0;
                y += w;
            }
            let mut y = y0[n];
            for &l in &incoming[n] {
                let w = link_layouts[l].width;
                link_layouts[l].y1 = y + w / 2.0;
                y += w;
            }
        }

        let node_layouts = nodes
            .iter()
            .enumerate()
            .zip(incoming.into_iter().zip(outgoing))
            .map(|((n, node), (incoming, outgoing))| NodeLayout {
                id: node.id.clone(),
                stage: node.stage,
                reported: node.reported,
                value: values[n],
                x0: x0_of(node.stage),
                x1: x0_of(node.stage) + params.node_width,
                y0: y0[n],
                y1: y0[n] + heights[n],
                incoming,
                outgoing,
            })
            .collect();
        Ok(Self {
            nodes: node_layouts,
            links: link_layouts,
            ky,
            gap,
            width,
            height,
        })
    }

    /// Index of the node with this id.
    pub fn node_index(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.id == id)
    }

    /// The node or link exactly under `(x, y)`; see [`Self::hit_test_within`].
    pub fn hit_test(&self, x: f64, y: f64) -> Option<Hit> {
        self.hit_test_within(x, y, 0.0)
    }

    /// The node or link under `(x, y)`, with shapes grown by `slop` pixels (for touch).
    /// Nodes win over links; among overlapping links the one drawn last (highest index)
    /// wins, as it is the one on top.
    pub fn hit_test_within(&self, x: f64, y: f64, slop: f64) -> Option<Hit> {
        if let Some(n) = self.nodes.iter().position(|n| n.contains(x, y, slop)) {
            return Some(Hit::Node(n));
        }
        self.links
            .iter()
            .rposition(|l| l.contains(x, y, slop))
            .map(Hit::Link)
    }

    /// Everything connected to `node` along the flow, for highlighting: the links and
    /// nodes upstream (walking incoming links) and downstream (walking outgoing links).
    /// Returns `(links, nodes)`, both sorted; `nodes` includes `node` itself. An index out
    /// of range gives two empty lists.
    pub fn neighbours(&self, node: usize) -> (Vec<usize>, Vec<usize>) {
        if node >= self.nodes.len() {
            return (Vec::new(), Vec::new());
        }
        let mut seen_nodes = vec![false; self.nodes.len()];
        let mut seen_links = vec![false; self.links.len()];
        seen_nodes[node] = true;
        for downstream in [false, true] {
            let mut stack = vec![node];
            while let Some(n) = stack.pop() {
                let list = if downstream {
                    &self.nodes[n].outgoing
                } else {
                    &self.nodes[n].incoming
                };
                for &l in list {
                    seen_links[l] = true;
                    let link = &self.links[l];
                    let other = if downstream { link.target } else { link.source };
                    if !seen_nodes[other] {
                        seen_nodes[other] = true;
                        stack.push(other);
                    }
                }
            }
        }
        let pick = |flags: Vec<bool>| {
            flags
                .into_iter()
                .enumerate()
                .filter_map(|(i, on)| on.then_some(i))
                .collect::<Vec<_>>()
        };
        (pick(seen_links), pick(seen_nodes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EPS: f64 = 1e-9;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= EPS * (1.0 + a.abs().max(b.abs()))
    }

    /// The hand-worked graph: A, B -> C -> D, E.
    fn small() -> (Vec<SankeyNode>, Vec<SankeyLink>) {
        let nodes = vec![
            SankeyNode::new("A", 0),
            SankeyNode::new("B", 0),
            SankeyNode::new("C", 1),
            SankeyNode::new("D", 2),
            SankeyNode::new("E", 2).unreported(),
        ];
        let links = vec![
            SankeyLink::new("A", "C", 3.0),
            SankeyLink::new("B", "C", 1.0),
            SankeyLink::new("C", "D", 2.0),
            SankeyLink::new("C", "E", 2.0),
        ];
        (nodes, links)
    }

    fn small_params() -> LayoutParams {
        LayoutParams {
            width: 300.0,
            height: 100.0,
            node_width: 10.0,
            node_padding: 10.0,
            min_gap: None,
            iterations: 0,
        }
    }

    #[test]
    fn hand_worked_layout() {
        let (nodes, links) = small();
        let s = layout(&nodes, &links, &small_params()).expect("valid");
        // Values: A 3, B 1, C = 3 + 1 = 4 = 2 + 2, D 2, E 2.
        let values: Vec<f64> = s.nodes.iter().map(|n| n.value).collect();
        assert_eq!(values, vec![3.0, 1.0, 4.0, 2.0, 2.0]);
        // ky = min((100 - 10) / 4, 100 / 4, (100 - 10) / 4) = 22.5.
        assert!(close(s.ky, 22.5));
        assert!(close(s.gap, 10.0));
        // Column 0: A 67.5 high at [0, 67.5], gap 10, B at [77.5, 100].
        assert!(close(s.nodes[0].y0, 0.0) && close(s.nodes[0].y1, 67.5));
        assert!(close(s.nodes[1].y0, 77.5) && close(s.nodes[1].y1, 100.0));
        // Column 1: C is 90 high, centred: [5, 95].
        assert!(close(s.nodes[2].y0, 5.0) && close(s.nodes[2].y1, 95.0));
        // Column 2: D [0, 45], E [55, 100].
        assert!(close(s.nodes[3].y0, 0.0) && close(s.nodes[3].y1, 45.0));
        assert!(close(s.nodes[4].y0, 55.0) && close(s.nodes[4].y1, 100.0));
        assert!(!s.nodes[4].reported);
        // x: step (300 - 10) / 2 = 145.
        assert_eq!((s.nodes[2].x0, s.nodes[2].x1), (145.0, 155.0));
        assert_eq!((s.nodes[4].x0, s.nodes[4].x1), (290.0, 300.0));
        // A -> C: width 67.5, centre 33.75 at A and 5 + 33.75 = 38.75 at C.
        let l = &s.links[0];
        assert!(close(l.width, 67.5) && close(l.y0, 33.75) && close(l.y1, 38.75));
        assert_eq!((l.x0, l.x1), (10.0, 145.0));
        // B -> C: width 22.5, centre 77.5 + 11.25 = 88.75; at C below A: 5 + 67.5 + 11.25.
        let l = &s.links[1];
        assert!(close(l.width, 22.5) && close(l.y0, 88.75) && close(l.y1, 83.75));
        // C -> D: width 45, centre 5 + 22.5 = 27.5 at C and 22.5 at D.
        let l = &s.links[2];
        assert!(close(l.y0, 27.5) && close(l.y1, 22.5));
        // C -> E: centre 5 + 45 + 22.5 = 72.5 at C and 55 + 22.5 = 77.5 at E.
        let l = &s.links[3];
        assert!(close(l.y0, 72.5) && close(l.y1, 77.5));
        assert_eq!(s.nodes[2].incoming, vec![0, 1]);
        assert_eq!(s.nodes[2].outgoing, vec![2, 3]);
    }

    #[test]
    fn node_values_equal_incoming_and_outgoing_sums() {
        let (nodes, links) = small();
        let s = layout(&nodes, &links, &LayoutParams::default()).expect("valid");
        for (i, node) in s.nodes.iter().enumerate() {
            let inflow: f64 = node.incoming.iter().map(|&l| s.links[l].value).sum();
            let outflow: f64 = node.outgoing.iter().map(|&l| s.links[l].value).sum();
            if !node.incoming.is_empty() {
                assert!(close(node.value, inflow), "node {i}");
            }
            if !node.outgoing.is_empty() {
                assert!(close(node.value, outflow), "node {i}");
            }
        }
    }

    #[test]
    fn link_widths_are_proportional_to_values() {
        let (nodes, links) = small();
        let s = layout(&nodes, &links, &LayoutParams::default()).expect("valid");
        let ratio = s.links[0].width / s.links[0].value;
        assert!(ratio > 0.0);
        for l in &s.links {
            assert!(close(l.width / l.value, ratio));
            assert!(close(ratio, s.ky));
        }
    }

    #[test]
    fn bad_graphs_are_rejected_without_panicking() {
        let (nodes, links) = small();
        let p = small_params();
        let with = |link: SankeyLink| {
            let mut l = links.clone();
            l.push(link);
            layout(&nodes, &l, &p)
        };
        assert_eq!(
            with(SankeyLink::new("D", "A", 1.0)).unwrap_err(),
            SankeyError::NotForward {
                link: 4,
                source_stage: 2,
                target_stage: 0
            }
        );
        assert!(matches!(
            with(SankeyLink::new("A", "B", 1.0)),
            Err(SankeyError::NotForward { .. })
        ));
        assert!(matches!(
            with(SankeyLink::new("A", "Z", 1.0)),
            Err(SankeyError::UnknownNode { link: 4, id }) if id == "Z"
        ));
        for bad in [-1.0, 0.0, f64::NAN, f64::INFINITY] {
            assert!(matches!(
                with(SankeyLink::new("A", "D", bad)),
                Err(SankeyError::InvalidValue { link: 4, .. })
            ));
        }
        let mut twice = nodes.clone();
        twice.push(SankeyNode::new("A", 3));
        assert_eq!(
            layout(&twice, &links, &p).unwrap_err(),
            SankeyError::DuplicateNode("A".into())
        );
        for bad in [
            LayoutParams { height: 0.0, ..p },
            LayoutParams {
                width: f64::NAN,
                ..p
            },
            LayoutParams {
                node_padding: -1.0,
                ..p
            },
            LayoutParams {
                node_width: 200.0,
                ..p
            },
            LayoutParams {
                min_gap: Some(-2.0),
                ..p
            },
        ] {
            assert!(matches!(
                layout(&nodes, &links, &bad),
                Err(SankeyError::InvalidParams(_))
            ));
        }
    }

    #[test]
    fn padding_shrinks_instead_of_overlapping() {
        // Five sources of 1 into one sink; height 20, padding 10: gaps would take
        // 4 * 10 = 40 > 20 / 2, so the gap becomes 20 * 0.5 / 4 = 2.5.
        let mut nodes: Vec<SankeyNode> =
            (0..5).map(|i| SankeyNode::new(i.to_string(), 0)).collect();
        nodes.push(SankeyNode::new("sink", 1));
        let links: Vec<SankeyLink> = (0..5)
            .map(|i| SankeyLink::new(i.to_string(), "sink", 1.0))
            .collect();
        let p = LayoutParams {
            width: 100.0,
            height: 20.0,
            node_width: 5.0,
            node_padding: 10.0,
            min_gap: None,
            iterations: 3,
        };
        let s = layout(&nodes, &links, &p).expect("valid");
        assert!(close(s.gap, 2.5));
        // ky = min((20 - 4 * 2.5) / 5, 20 / 5) = 2.
        assert!(close(s.ky, 2.0));
        check_well_formed(&nodes, &links, &p, &s);
        // A minimum gap of 4 is honoured (4 <= 20 * 0.9 / 4 = 4.5) ...
        let s = layout(
            &nodes,
            &links,
            &LayoutParams {
                min_gap: Some(4.0),
                ..p
            },
        )
        .expect("ok");
        assert!(close(s.gap, 4.0));
        check_well_formed(&nodes, &links, &p, &s);
        // ... but a huge one is capped at 4.5 so the flows keep some height.
        let s = layout(
            &nodes,
            &links,
            &LayoutParams {
                min_gap: Some(100.0),
                ..p
            },
        )
        .expect("ok");
        assert!(close(s.gap, 4.5));
        assert!(s.ky > 0.0);
    }

    #[test]
    fn hit_test_finds_nodes_and_links() {
        let (nodes, links) = small();
        let s = layout(&nodes, &links, &small_params()).expect("valid");
        assert_eq!(s.hit_test(5.0, 30.0), Some(Hit::Node(0)));
        assert_eq!(s.hit_test(150.0, 50.0), Some(Hit::Node(2)));
        assert_eq!(s.hit_test(5.0, 72.0), None, "gap between A and B");
        assert_eq!(s.hit_test_within(5.0, 72.0, 5.0), Some(Hit::Node(0)));
        // Halfway between A and C (x = 77.5), the centre line of A -> C is halfway between
        // 33.75 and 38.75 = 36.25 (by symmetry of the curve); its ribbon is 67.5 thick.
        assert!(close(s.links[0].centre_y_at(77.5).expect("inside"), 36.25));
        assert_eq!(s.hit_test(77.5, 36.25), Some(Hit::Link(0)));
        assert_eq!(s.hit_test(77.5, 36.25 + 33.0), Some(Hit::Link(0)));
        // Near the ends the centre line is at y0 and y1.
        assert!(close(s.links[0].centre_y_at(10.0).expect("start"), 33.75));
        assert!(close(s.links[0].centre_y_at(145.0).expect("end"), 38.75));
        assert_eq!(s.links[0].centre_y_at(200.0), None);
        assert_eq!(s.hit_test(299.0, 50.0), None, "gap between D and E");
    }

    #[test]
    fn neighbours_follow_the_flow_both_ways() {
        let (nodes, links) = small();
        let s = layout(&nodes, &links, &small_params()).expect("valid");
        // From A: A -> C -> D, E; B is a sibling, not upstream of A.
        assert_eq!(s.neighbours(0), (vec![0, 2, 3], vec![0, 2, 3, 4]));
        // From C: everything.
        assert_eq!(s.neighbours(2), (vec![0, 1, 2, 3], vec![0, 1, 2, 3, 4]));
        // From D: A, B -> C -> D.
        assert_eq!(s.neighbours(3), (vec![0, 1, 2], vec![0, 1, 2, 3]));
        assert_eq!(s.neighbours(99), (vec![], vec![]));
    }

    #[test]
    fn empty_and_unlinked_graphs_lay_out() {
        let p = LayoutParams::default();
        let s = layout(&[], &[], &p).expect("empty");
        assert!(s.nodes.is_empty() && s.links.is_empty());
        let lonely = [SankeyNode::new("x", 0), SankeyNode::new("y", 2)];
        let s = layout(&lonely, &[], &p).expect("no links");
        assert_eq!(s.ky, 0.0);
        assert!(s.nodes.iter().all(|n| n.height() == 0.0));
    }

    /// Deterministic xorshift64* generator for the property tests.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        /// Uniform in `0..n` (n > 0).
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        /// Uniform in `[lo, hi)`.
        fn range(&mut self, lo: f64, hi: f64) -> f64 {
            lo + (hi - lo) * ((self.next() >> 11) as f64 / (1u64 << 53) as f64)
        }
    }

    /// Geometry every layout must satisfy.
    fn check_well_formed(
        nodes: &[SankeyNode],
        links: &[SankeyLink],
        p: &LayoutParams,
        s: &SankeyLayout,
    ) {
        let tol = 1e-7 * (1.0 + p.height);
        assert_eq!(s.nodes.len(), nodes.len());
        assert_eq!(s.links.len(), links.len());
        assert!(s.ky >= 0.0 && s.ky.is_finite());
        assert!(s.gap >= 0.0 && s.gap <= p.node_padding + tol);
        let columns = nodes.iter().map(|n| n.stage + 1).max().unwrap_or(0);
        for stage in 0..columns {
            let column: Vec<&NodeLayout> = s.nodes.iter().filter(|n| n.stage == stage).collect();
            for node in &column {
                assert!(
                    node.y0 >= -tol && node.y1 <= p.height + tol,
                    "{node:?} in box"
                );
                assert!(close(node.x1 - node.x0, p.node_width));
                assert!(node.x0 >= -tol && node.x1 <= p.width + tol);
                assert!((node.height() - node.value * s.ky).abs() <= tol);
            }
            // Input order is kept and neighbours are separated by at least the gap.
            for pair in column.windows(2) {
                assert!(
                    pair[1].y0 >= pair[0].y1 + s.gap - tol,
                    "overlap in stage {stage}: {:?} / {:?}",
                    pair[0],
                    pair[1]
                );
            }
        }
        for (i, node) in s.nodes.iter().enumerate() {
            let inflow: f64 = node.incoming.iter().map(|&l| s.links[l].value).sum();
            let outflow: f64 = node.outgoing.iter().map(|&l| s.links[l].value).sum();
            assert!(close(node.value, inflow.max(outflow)), "node {i} value");
            // Ribbons stack inside the node without overlapping.
            for list in [&node.incoming, &node.outgoing] {
                let mut edge = node.y0;
                for &l in list {
                    let link = &s.links[l];
                    let centre = if link.source == i { link.y0 } else { link.y1 };
                    assert!((centre - link.width / 2.0 - edge).abs() <= tol);
                    edge = centre + link.width / 2.0;
                }
                assert!(edge <= node.y1 + tol);
            }
        }
        for (l, link) in s.links.iter().enumerate() {
            assert!(close(link.value, links[l].value));
            assert!((link.width - link.value * s.ky).abs() <= tol);
            assert!(link.x0 < link.x1);
            let (src, dst) = (&s.nodes[link.source], &s.nodes[link.target]);
            assert!(src.stage < dst.stage);
            assert!(src.outgoing.contains(&l) && dst.incoming.contains(&l));
            assert_eq!((link.x0, link.x1), (src.x1, dst.x0));
        }
    }

    /// A random forward graph: random stages and random links (not flow-conserving).
    fn random_graph(
        rng: &mut XorShift,
        stages: usize,
        per_stage: usize,
        link_count: usize,
    ) -> (Vec<SankeyNode>, Vec<SankeyLink>) {
        let mut nodes = Vec::new();
        for stage in 0..stages {
            for i in 0..per_stage {
                let node = SankeyNode::new(format!("s{stage}n{i}"), stage);
                nodes.push(if rng.below(5) == 0 {
                    node.unreported()
                } else {
                    node
                });
            }
        }
        let mut links = Vec::new();
        while links.len() < link_count {
            let a = rng.below(stages - 1);
            let b = a + 1 + rng.below(stages - 1 - a);
            links.push(SankeyLink::new(
                format!("s{a}n{}", rng.below(per_stage)),
                format!("s{b}n{}", rng.below(per_stage)),
                rng.range(0.1, 100.0),
            ));
        }
        (nodes, links)
    }

    #[test]
    fn fifty_nodes_two_hundred_links_are_well_formed() {
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        let (nodes, links) = random_graph(&mut rng, 5, 10, 200);
        assert_eq!((nodes.len(), links.len()), (50, 200));
        let p = LayoutParams::new(1200.0, 700.0);
        let s = layout(&nodes, &links, &p).expect("valid");
        check_well_formed(&nodes, &links, &p, &s);
        // Same input, same output.
        assert_eq!(s, layout(&nodes, &links, &p).expect("valid"));
    }

    #[test]
    fn property_random_graphs_are_well_formed() {
        let mut rng = XorShift(0x1234_5678_9ABC_DEF1);
        let (mut shrunk, mut relaxed) = (0, 0);
        for case in 0..300 {
            let stages = 2 + rng.below(5);
            let per_stage = 1 + rng.below(8);
            let link_count = rng.below(40);
            let (nodes, links) = random_graph(&mut rng, stages, per_stage, link_count);
            let p = LayoutParams {
                width: rng.range(200.0, 1500.0),
                // Some heights are too small for the padding, to exercise shrinking.
                height: rng.range(5.0, 800.0),
                node_width: rng.range(0.0, 20.0),
                node_padding: rng.range(0.0, 40.0),
                min_gap: (rng.below(2) == 0).then(|| rng.range(0.0, 10.0)),
                iterations: rng.below(8),
            };
            let s = layout(&nodes, &links, &p).unwrap_or_else(|e| panic!("case {case}: {e}"));
            check_well_formed(&nodes, &links, &p, &s);
            shrunk += usize::from(s.gap < p.node_padding);
            let still = layout(&nodes, &links, &LayoutParams { iterations: 0, ..p }).expect("ok");
            relaxed += usize::from(still.nodes != s.nodes);
            // Every node's centre hits that node; every link midpoint hits a link lying there.
            for (i, node) in s.nodes.iter().enumerate() {
                if node.height() > 0.0 {
                    let x = (node.x0 + node.x1) / 2.0;
                    assert_eq!(s.hit_test(x, node.centre_y()), Some(Hit::Node(i)));
                }
            }
            for link in &s.links {
                let x = (link.x0 + link.x1) / 2.0;
                let y = link.centre_y_at(x).expect("inside");
                match s.hit_test(x, y) {
                    Some(Hit::Link(other)) => assert!(s.links[other].contains(x, y, 0.0)),
                    Some(Hit::Node(n)) => assert!(s.nodes[n].contains(x, y, 0.0)),
                    None => panic!("case {case}: link midpoint hits nothing"),
                }
            }
            // Highlighting is closed: every returned link joins two returned nodes.
            if !s.nodes.is_empty() {
                let start = rng.below(s.nodes.len());
                let (hl_links, hl_nodes) = s.neighbours(start);
                assert!(hl_nodes.contains(&start));
                for l in hl_links {
                    assert!(hl_nodes.contains(&s.links[l].source));
                    assert!(hl_nodes.contains(&s.links[l].target));
                }
            }
        }
        // The generator reaches the interesting cases.
        assert!(shrunk > 10, "padding shrunk in {shrunk} cases");
        assert!(relaxed > 10, "relaxation moved nodes in {relaxed} cases");
    }

    #[test]
    fn property_conserved_flows_balance_at_every_inner_node() {
        // Each flow unit runs from stage 0 to the last stage, so every inner node receives
        // exactly what it sends on.
        let mut rng = XorShift(0xDEAD_BEEF_CAFE_F00D);
        for _ in 0..100 {
            let stages = 2 + rng.below(5);
            let per_stage = 1 + rng.below(6);
            let mut merged: BTreeMap<(String, String), f64> = BTreeMap::new();
            for _ in 0..(1 + rng.below(30)) {
                let value = rng.range(0.5, 50.0);
                let mut prev = format!("s0n{}", rng.below(per_stage));
                for stage in 1..stages {
                    let next = format!("s{stage}n{}", rng.below(per_stage));
                    *merged.entry((prev.clone(), next.clone())).or_default() += value;
                    prev = next;
                }
            }
            let nodes: Vec<SankeyNode> = (0..stages)
                .flat_map(|s| (0..per_stage).map(move |i| SankeyNode::new(format!("s{s}n{i}"), s)))
                .collect();
            let links: Vec<SankeyLink> = merged
                .into_iter()
                .map(|((a, b), v)| SankeyLink::new(a, b, v))
                .collect();
            let p = LayoutParams::new(900.0, 400.0);
            let s = layout(&nodes, &links, &p).expect("valid");
            check_well_formed(&nodes, &links, &p, &s);
            for node in &s.nodes {
                let inflow: f64 = node.incoming.iter().map(|&l| s.links[l].value).sum();
                let outflow: f64 = node.outgoing.iter().map(|&l| s.links[l].value).sum();
                if node.stage > 0 && node.stage + 1 < stages {
                    assert!((inflow - outflow).abs() <= 1e-9 * (1.0 + inflow));
                    assert!(close(node.value, inflow));
                }
            }
        }
    }
}
