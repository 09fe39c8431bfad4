//! Label lanes for Sankey diagrams: labels that never overlap each other or the ribbons.
//!
//! Every column (stage) gets a *lane*, a strip beside its nodes that no ribbon crosses:
//!
//! ```text
//!  lane | node ====ribbons==== node | lane ====ribbons==== node | lane
//!  col 0 (lane on the left)    col 1 (lane on the right)    last col (right)
//! ```
//!
//! The first column keeps its lane on the left, every other column on the right of its
//! nodes, and a column's outgoing ribbons start only after its lane. This is done by
//! laying the diagram out with [`SankeyLayout::compute`] in the width left once the
//! lanes are set aside, then shifting every column right by the lanes before it (and
//! its own lane when that is on the left). A ribbon between neighbouring columns keeps
//! its span and moves with both ends, so it never enters a lane. Columns get lanes of
//! their own width ([`allocate_lanes`]): wide where the labels are long.
//!
//! Labels are wrapped to the lane width with a caller-supplied text measure (the app
//! passes its cached canvas measurement; tests pass a fixed-width one), stacked near the
//! vertical centre of their node and nudged apart when they collide
//! ([`spread`]). [`plan`] does all of it and also picks a diagram height tall enough for
//! the tallest column of labels, and places the stage headings above the columns.
//!
//! The module also holds the pure parts of the interaction: what to highlight for a
//! node or link ([`highlight`]) and where the arrow keys move the focus ([`step`]).

use super::text::{spread, wrap};
use crate::layout::sankey::{Hit, LayoutParams, SankeyError, SankeyLayout, SankeyLink, SankeyNode};

/// Which side of its nodes a column's label lane is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Lane on the left of the nodes; labels are right-aligned against the nodes.
    Left,
    /// Lane on the right of the nodes; labels are left-aligned against the nodes.
    Right,
}

/// The label lane of one column, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lane {
    /// Stage (column) index.
    pub stage: usize,
    /// Side of the nodes the lane is on.
    pub side: Side,
    /// Left edge of the lane.
    pub x0: f64,
    /// Right edge of the lane.
    pub x1: f64,
}

/// Lane widths for columns whose labels would like `natural` pixels each, in a diagram
/// `width` pixels wide with nodes `node_width` wide and at least `min_span` for the
/// ribbons between two columns. Each lane wants its natural width kept within
/// `[min_lane, max_lane]`; when the wishes do not fit, every lane gets `min_lane` and
/// the room left is shared in proportion to how much more each one wants.
///
/// ```
/// use talent_core::layout::sankey_labels::allocate_lanes;
/// // Room for lanes: 300 - 3 × 10 - 2 × 30 = 210; the wishes 50 + 100 + 60 fit.
/// assert_eq!(allocate_lanes(300.0, &[50.0, 200.0, 60.0], 10.0, 30.0, 40.0, 100.0), [50.0, 100.0, 60.0]);
/// ```
pub fn allocate_lanes(
    width: f64,
    natural: &[f64],
    node_width: f64,
    min_span: f64,
    min_lane: f64,
    max_lane: f64,
) -> Vec<f64> {
    let columns = natural.len();
    if columns == 0 {
        return Vec::new();
    }
    let room = width - columns as f64 * node_width - (columns - 1) as f64 * min_span;
    let wants: Vec<f64> = natural
        .iter()
        .map(|&n| {
            if n.is_finite() { n } else { 0.0 }
                .min(max_lane)
                .max(min_lane)
        })
        .collect();
    let total: f64 = wants.iter().sum();
    if total <= room {
        return wants;
    }
    let floor = columns as f64 * min_lane;
    if room <= floor {
        return vec![min_lane; columns];
    }
    let excess = total - floor;
    wants
        .iter()
        .map(|w| min_lane + (room - floor) * (w - min_lane) / excess)
        .collect()
}

/// Side of the lane of column `stage` among `columns`.
fn side_of(stage: usize, columns: usize) -> Side {
    if stage == 0 && columns > 1 {
        Side::Left
    } else {
        Side::Right
    }
}

/// A Sankey layout whose columns have label lanes, shifted down by `top`.
#[derive(Clone, Debug, PartialEq)]
pub struct LanedLayout {
    /// The diagram: node rectangles (without their lanes) and ribbons, in canvas pixels.
    pub layout: SankeyLayout,
    /// One lane per column, in stage order.
    pub lanes: Vec<Lane>,
    /// Top of the diagram (room above it is for the stage headings).
    pub top: f64,
}

/// Sizes of a laned diagram, in pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneParams {
    /// Total width.
    pub width: f64,
    /// Height of the diagram (nodes and ribbons), below `top`.
    pub height: f64,
    /// Offset of the diagram from the top of the canvas.
    pub top: f64,
    /// Width of a node rectangle.
    pub node_width: f64,
    /// Width of the label lane of each column (missing ones are 0).
    pub lane_widths: Vec<f64>,
    /// Wanted gap between the nodes of a column.
    pub node_padding: f64,
    /// Relaxation passes of the layout.
    pub iterations: usize,
}

/// The left edge of each column's block (lane and nodes) and the block widths.
fn column_lefts(width: f64, node_width: f64, lanes: &[f64]) -> Vec<f64> {
    let columns = lanes.len();
    let inner = width - lanes.iter().sum::<f64>();
    let step = if columns > 1 {
        (inner - node_width) / (columns - 1) as f64
    } else {
        0.0
    };
    let mut before = 0.0;
    (0..columns)
        .map(|c| {
            let left = c as f64 * step + before;
            before += lanes[c];
            left
        })
        .collect()
}

impl LanedLayout {
    /// Lays out the graph with a label lane beside every column.
    ///
    /// # Errors
    /// [`SankeyError`] for an invalid graph or sizes (including lanes too wide to leave
    /// room for the ribbons).
    pub fn compute(
        nodes: &[SankeyNode],
        links: &[SankeyLink],
        p: &LaneParams,
    ) -> Result<Self, SankeyError> {
        let columns = nodes.iter().map(|n| n.stage + 1).max().unwrap_or(0);
        let lanes: Vec<f64> = (0..columns)
            .map(|c| p.lane_widths.get(c).copied().unwrap_or(0.0))
            .collect();
        if !(lanes.iter().all(|w| w.is_finite() && *w >= 0.0) && p.top.is_finite()) {
            return Err(SankeyError::InvalidParams(
                "lane widths and top must be finite, lane widths >= 0",
            ));
        }
        let inner = p.width - lanes.iter().sum::<f64>();
        if inner.is_nan() || inner <= p.node_width {
            return Err(SankeyError::InvalidParams(
                "the lanes leave no room for the diagram",
            ));
        }
        let mut layout = SankeyLayout::compute(
            nodes,
            links,
            &LayoutParams {
                width: inner,
                height: p.height,
                node_width: p.node_width,
                node_padding: p.node_padding,
                min_gap: Some(2.0),
                iterations: p.iterations,
            },
        )?;
        let lefts = column_lefts(p.width, p.node_width, &lanes);
        let sides: Vec<Side> = (0..columns).map(|c| side_of(c, columns)).collect();
        // Where each column's nodes start, and how far the column moved.
        let node_left: Vec<f64> = (0..columns)
            .map(|c| match sides[c] {
                Side::Left => lefts[c] + lanes[c],
                Side::Right => lefts[c],
            })
            .collect();
        let lane_list = (0..columns)
            .map(|c| {
                let x0 = match sides[c] {
                    Side::Left => lefts[c],
                    Side::Right => lefts[c] + p.node_width,
                };
                Lane {
                    stage: c,
                    side: sides[c],
                    x0,
                    x1: x0 + lanes[c],
                }
            })
            .collect();
        for node in &mut layout.nodes {
            node.x0 = node_left[node.stage];
            node.x1 = node.x0 + p.node_width;
            node.y0 += p.top;
            node.y1 += p.top;
        }
        for link in &mut layout.links {
            let (s, t) = (
                layout.nodes[link.source].stage,
                layout.nodes[link.target].stage,
            );
            link.x0 = match sides[s] {
                Side::Left => node_left[s] + p.node_width,
                Side::Right => node_left[s] + p.node_width + lanes[s],
            };
            link.x1 = node_left[t];
            link.y0 += p.top;
            link.y1 += p.top;
        }
        layout.width = p.width;
        layout.height = p.height;
        Ok(Self {
            layout,
            lanes: lane_list,
            top: p.top,
        })
    }
}

/// One line of a label: text, and a bold tail (the value) drawn after it.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Regular text (may be empty when the line holds only the value).
    pub text: String,
    /// Bold text after `text`, separated by a space.
    pub bold: Option<String>,
}

/// How a text block is aligned inside its box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Lines start at `x0`.
    Left,
    /// Lines end at `x1`.
    Right,
}

/// A wrapped text block placed on the canvas.
#[derive(Clone, Debug, PartialEq)]
pub struct TextBox {
    /// Lines, top to bottom.
    pub lines: Vec<Line>,
    /// Left edge.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Top edge.
    pub y0: f64,
    /// Bottom edge.
    pub y1: f64,
    /// Alignment of the lines.
    pub align: Align,
    /// The y the text belongs to (the node centre); a leader is drawn when the box is
    /// moved away from it.
    pub anchor_y: f64,
}

impl TextBox {
    /// True when `(x, y)` is inside the box.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }

    /// True when the two boxes share any area.
    pub fn overlaps(&self, other: &TextBox) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }
}

/// Text sizes and spacing of a laned Sankey, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlanStyle {
    /// Label font size.
    pub font: f64,
    /// Label line height.
    pub line_height: f64,
    /// Stage heading font size.
    pub heading_font: f64,
    /// Stage heading line height.
    pub heading_line_height: f64,
    /// Node rectangle width.
    pub node_width: f64,
    /// Room between a label and its node (and the lane's far edge).
    pub label_pad: f64,
    /// Smallest vertical gap between two labels.
    pub label_gap: f64,
    /// Smallest horizontal span left for the ribbons between two columns.
    pub min_span: f64,
    /// Narrowest lane.
    pub min_lane: f64,
    /// Widest lane.
    pub max_lane: f64,
    /// Diagram height when the labels need less.
    pub base_height: f64,
    /// Wanted gap between nodes.
    pub node_padding: f64,
}

impl PlanStyle {
    /// The style for a canvas `width` CSS pixels wide: smaller type and tighter lanes
    /// below 520 px (phones), roomier above.
    pub fn for_width(width: f64) -> Self {
        if width < 520.0 {
            Self {
                font: 11.0,
                line_height: 13.0,
                heading_font: 11.0,
                heading_line_height: 13.0,
                node_width: 6.0,
                label_pad: 4.0,
                label_gap: 5.0,
                min_span: 34.0,
                min_lane: 44.0,
                max_lane: (width * 0.4).max(44.0),
                base_height: 300.0,
                node_padding: 10.0,
            }
        } else {
            Self {
                font: 13.0,
                line_height: 16.0,
                heading_font: 13.0,
                heading_line_height: 16.0,
                node_width: 10.0,
                label_pad: 6.0,
                label_gap: 5.0,
                min_span: 80.0,
                min_lane: 90.0,
                max_lane: 190.0,
                base_height: 380.0,
                node_padding: 14.0,
            }
        }
    }
}

/// A node label before placement: a name and the value to print after it in bold.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeLabel {
    /// Name of the node.
    pub name: String,
    /// Value text (e.g. `41` or `49.28%`).
    pub value: String,
}

/// Everything needed to draw a laned Sankey.
#[derive(Clone, Debug, PartialEq)]
pub struct SankeyPlan {
    /// Diagram and lanes.
    pub laned: LanedLayout,
    /// One label per node, in node order.
    pub labels: Vec<TextBox>,
    /// One heading per column, in stage order.
    pub headings: Vec<TextBox>,
    /// Total canvas height.
    pub height: f64,
    /// The style used.
    pub style: PlanStyle,
}

/// Text measure: width of `text` at `size` px, bold or not.
pub type Measure<'a> = &'a dyn Fn(&str, f64, bool) -> f64;

/// Wraps a name and appends the bold value to its last line when it fits, otherwise on
/// a line of its own. Returns the lines and the widest line.
fn label_lines(label: &NodeLabel, max: f64, size: f64, measure: Measure) -> (Vec<Line>, f64) {
    let regular = |s: &str| measure(s, size, false);
    let mut lines: Vec<Line> = wrap(&label.name, max, &regular)
        .into_iter()
        .map(|text| Line { text, bold: None })
        .collect();
    let value_width = measure(&label.value, size, true);
    if !label.value.is_empty() {
        match lines.last_mut() {
            Some(last) if regular(&format!("{} ", last.text)) + value_width <= max => {
                last.bold = Some(label.value.clone());
            }
            _ => lines.extend(
                wrap(&label.value, max, &|s| measure(s, size, true))
                    .into_iter()
                    .map(|bold| Line {
                        text: String::new(),
                        bold: Some(bold),
                    }),
            ),
        }
    }
    let widest = lines
        .iter()
        .map(|l| line_width(l, size, measure))
        .fold(0.0, f64::max);
    (lines, widest)
}

/// Width of one line: its text, a space and the bold tail.
pub fn line_width(line: &Line, size: f64, measure: Measure) -> f64 {
    let text = measure(&line.text, size, false);
    match &line.bold {
        Some(bold) if line.text.is_empty() => measure(bold, size, true),
        Some(bold) => measure(&format!("{} ", line.text), size, false) + measure(bold, size, true),
        None => text,
    }
}

/// Plans a laned Sankey `width` pixels wide: lane width, wrapped labels and headings,
/// a diagram tall enough for every column of labels, the layout, and label boxes
/// nudged apart. `labels` has one entry per node, `headings` one per stage.
///
/// Guarantees (tested): label boxes never overlap each other and never reach into the
/// horizontal range of any ribbon between neighbouring columns (a link that skips a
/// column must cross it, lane included); headings sit above the diagram and do not
/// overlap.
///
/// # Errors
/// [`SankeyError`] when the graph is invalid or the width leaves no room for ribbons.
pub fn plan(
    nodes: &[SankeyNode],
    links: &[SankeyLink],
    labels: &[NodeLabel],
    headings: &[String],
    width: f64,
    style: PlanStyle,
    measure: Measure,
) -> Result<SankeyPlan, SankeyError> {
    if !(width.is_finite() && width > 0.0) {
        return Err(SankeyError::InvalidParams("width must be finite and > 0"));
    }
    let columns = nodes.iter().map(|n| n.stage + 1).max().unwrap_or(0);
    // Each column's lane wants its longest label on one line.
    let natural: Vec<f64> = (0..columns)
        .map(|stage| {
            (0..nodes.len())
                .filter(|&i| nodes[i].stage == stage)
                .filter_map(|i| labels.get(i))
                .map(|l| {
                    let one_line = Line {
                        text: l.name.clone(),
                        bold: (!l.value.is_empty()).then(|| l.value.clone()),
                    };
                    line_width(&one_line, style.font, measure) + 2.0 * style.label_pad + 1.0
                })
                .fold(0.0, f64::max)
        })
        .collect();
    let lanes = allocate_lanes(
        width,
        &natural,
        style.node_width,
        style.min_span,
        style.min_lane,
        style.max_lane,
    );
    let room = |stage: usize| (lanes[stage] - 2.0 * style.label_pad).max(1.0);

    // Labels: wrapped to their lane; their heights decide how tall the diagram must be.
    let wrapped: Vec<(Vec<Line>, f64)> = nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            labels.get(i).map_or((Vec::new(), 0.0), |l| {
                label_lines(l, room(node.stage), style.font, measure)
            })
        })
        .collect();
    let label_height = |i: usize| wrapped[i].0.len() as f64 * style.line_height;
    let needed = (0..columns)
        .map(|stage| {
            let in_column: Vec<usize> = (0..nodes.len())
                .filter(|&i| nodes[i].stage == stage)
                .collect();
            in_column.iter().map(|&i| label_height(i)).sum::<f64>()
                + in_column.len().saturating_sub(1) as f64 * style.label_gap
        })
        .fold(0.0, f64::max);
    // Some slack beyond the labels' own height lets them sit near their nodes.
    let diagram_height = style.base_height.max(needed * 1.2 + 2.0);

    // Headings: each column gets the slot from its block to the next column's block.
    let lefts = column_lefts(width, style.node_width, &lanes);
    let heading_boxes: Vec<(f64, f64, Vec<Line>)> = (0..columns)
        .map(|stage| {
            let x0 = lefts[stage];
            let x1 = lefts
                .get(stage + 1)
                .map_or(width, |next| next - style.label_pad * 2.0);
            let text = headings.get(stage).map(String::as_str).unwrap_or_default();
            let lines = wrap(text, (x1 - x0).max(1.0), &|s| {
                measure(s, style.heading_font, true)
            })
            .into_iter()
            .map(|text| Line { text, bold: None })
            .collect();
            (x0, x1, lines)
        })
        .collect();
    let heading_lines = heading_boxes
        .iter()
        .map(|(_, _, lines)| lines.len())
        .max()
        .unwrap_or(0);
    let top = if heading_lines > 0 {
        heading_lines as f64 * style.heading_line_height + 10.0
    } else {
        0.0
    };
    let headings: Vec<TextBox> = heading_boxes
        .into_iter()
        .map(|(x0, x1, lines)| TextBox {
            y1: lines.len() as f64 * style.heading_line_height,
            lines,
            x0,
            x1,
            y0: 0.0,
            align: Align::Left,
            anchor_y: 0.0,
        })
        .collect();

    let laned = LanedLayout::compute(
        nodes,
        links,
        &LaneParams {
            width,
            height: diagram_height,
            top,
            node_width: style.node_width,
            lane_widths: lanes.clone(),
            node_padding: style.node_padding,
            iterations: 6,
        },
    )?;

    // Place the labels of each column in its lane.
    let mut label_boxes: Vec<Option<TextBox>> = vec![None; nodes.len()];
    for column in &laned.lanes {
        let members: Vec<usize> = (0..nodes.len())
            .filter(|&i| nodes[i].stage == column.stage)
            .collect();
        let wanted: Vec<f64> = members
            .iter()
            .map(|&i| laned.layout.nodes[i].centre_y())
            .collect();
        let heights: Vec<f64> = members.iter().map(|&i| label_height(i)).collect();
        let tops = spread(
            &wanted,
            &heights,
            style.label_gap,
            top,
            top + diagram_height,
        );
        for (k, &i) in members.iter().enumerate() {
            let (lines, widest) = wrapped[i].clone();
            let (x0, x1, align) = match column.side {
                Side::Left => (
                    column.x1 - style.label_pad - widest,
                    column.x1 - style.label_pad,
                    Align::Right,
                ),
                Side::Right => (
                    column.x0 + style.label_pad,
                    column.x0 + style.label_pad + widest,
                    Align::Left,
                ),
            };
            label_boxes[i] = Some(TextBox {
                lines,
                x0,
                x1,
                y0: tops[k],
                y1: tops[k] + heights[k],
                align,
                anchor_y: wanted[k],
            });
        }
    }
    let labels = label_boxes
        .into_iter()
        .map(|b| {
            b.unwrap_or(TextBox {
                lines: Vec::new(),
                x0: 0.0,
                x1: 0.0,
                y0: 0.0,
                y1: 0.0,
                align: Align::Left,
                anchor_y: 0.0,
            })
        })
        .collect();
    Ok(SankeyPlan {
        height: top + diagram_height + 4.0,
        laned,
        labels,
        headings,
        style,
    })
}

impl SankeyPlan {
    /// The node or link under `(x, y)`: labels count as their node, shapes are grown by
    /// `slop` pixels (for touch).
    pub fn hit(&self, x: f64, y: f64, slop: f64) -> Option<Hit> {
        if let Some(n) = self
            .labels
            .iter()
            .position(|l| !l.lines.is_empty() && l.contains(x, y))
        {
            return Some(Hit::Node(n));
        }
        self.laned.layout.hit_test_within(x, y, slop)
    }
}

/// What to highlight for a focused node or link: `(links, nodes)` as flags.
///
/// A node lights up everything upstream and downstream of it
/// ([`SankeyLayout::neighbours`]); a link lights up itself, everything upstream of its
/// source and everything downstream of its target.
pub fn highlight(layout: &SankeyLayout, hit: Hit) -> (Vec<bool>, Vec<bool>) {
    let mut links = vec![false; layout.links.len()];
    let mut nodes = vec![false; layout.nodes.len()];
    let mut mark = |(l, n): (Vec<usize>, Vec<usize>)| {
        for i in l {
            links[i] = true;
        }
        for i in n {
            nodes[i] = true;
        }
    };
    match hit {
        Hit::Node(n) => mark(layout.neighbours(n)),
        Hit::Link(l) => {
            let Some(link) = layout.links.get(l) else {
                return (links, nodes);
            };
            let (source, target) = (link.source, link.target);
            let walk = |start: usize, downstream: bool| {
                let mut stack = vec![start];
                let mut seen_links = Vec::new();
                let mut seen_nodes = vec![start];
                while let Some(n) = stack.pop() {
                    let list = if downstream {
                        &layout.nodes[n].outgoing
                    } else {
                        &layout.nodes[n].incoming
                    };
                    for &k in list {
                        seen_links.push(k);
                        let other = if downstream {
                            layout.links[k].target
                        } else {
                            layout.links[k].source
                        };
                        if !seen_nodes.contains(&other) {
                            seen_nodes.push(other);
                            stack.push(other);
                        }
                    }
                }
                (seen_links, seen_nodes)
            };
            let up = walk(source, false);
            let down = walk(target, true);
            mark(up);
            mark(down);
            mark((vec![l], vec![source, target]));
        }
    }
    (links, nodes)
}

/// A key that moves the focus in a Sankey.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NavKey {
    /// Previous node of the column, or previous link of the same source.
    Up,
    /// Next node of the column, or next link of the same source.
    Down,
    /// From a node to its top incoming link; from a link to its source.
    Left,
    /// From a node to its top outgoing link; from a link to its target.
    Right,
    /// The top node of the first column.
    Home,
    /// The bottom node of the last column.
    End,
}

/// Nodes in reading order: by column, then top to bottom.
fn reading_order(layout: &SankeyLayout) -> Vec<usize> {
    crate::order::stable_order(layout.nodes.len(), &|a, b| {
        let (na, nb) = (&layout.nodes[a], &layout.nodes[b]);
        na.stage.cmp(&nb.stage).then(na.y0.total_cmp(&nb.y0))
    })
}

/// Where `key` moves the focus from `current`. With nothing focused every key goes to
/// the first node; at the end of a column or list the focus stays where it is.
///
/// ```
/// use talent_core::layout::sankey::{layout, Hit, LayoutParams, SankeyLink, SankeyNode};
/// use talent_core::layout::sankey_labels::{step, NavKey};
/// let nodes = [SankeyNode::new("a", 0), SankeyNode::new("b", 1)];
/// let links = [SankeyLink::new("a", "b", 1.0)];
/// let s = layout(&nodes, &links, &LayoutParams::default()).unwrap();
/// assert_eq!(step(&s, None, NavKey::Down), Some(Hit::Node(0)));
/// assert_eq!(step(&s, Some(Hit::Node(0)), NavKey::Right), Some(Hit::Link(0)));
/// assert_eq!(step(&s, Some(Hit::Link(0)), NavKey::Right), Some(Hit::Node(1)));
/// ```
pub fn step(layout: &SankeyLayout, current: Option<Hit>, key: NavKey) -> Option<Hit> {
    let order = reading_order(layout);
    let first = order.first().copied().map(Hit::Node);
    let last = order.last().copied().map(Hit::Node);
    let Some(current) = current else {
        return if key == NavKey::End { last } else { first };
    };
    let neighbour = |list: &[usize], item: usize, down: bool| -> usize {
        let at = list.iter().position(|&x| x == item).unwrap_or(0);
        let next = if down {
            (at + 1).min(list.len().saturating_sub(1))
        } else {
            at.saturating_sub(1)
        };
        list.get(next).copied().unwrap_or(item)
    };
    match (key, current) {
        (NavKey::Home, _) => first,
        (NavKey::End, _) => last,
        (NavKey::Up | NavKey::Down, Hit::Node(n)) => {
            let Some(node) = layout.nodes.get(n) else {
                return first;
            };
            let column: Vec<usize> = order
                .iter()
                .copied()
                .filter(|&i| layout.nodes[i].stage == node.stage)
                .collect();
            Some(Hit::Node(neighbour(&column, n, key == NavKey::Down)))
        }
        (NavKey::Up | NavKey::Down, Hit::Link(l)) => {
            let Some(link) = layout.links.get(l) else {
                return first;
            };
            let siblings = &layout.nodes[link.source].outgoing;
            Some(Hit::Link(neighbour(siblings, l, key == NavKey::Down)))
        }
        (NavKey::Right, Hit::Node(n)) => layout.nodes.get(n).map(|node| {
            node.outgoing
                .first()
                .map_or(Hit::Node(n), |&l| Hit::Link(l))
        }),
        (NavKey::Left, Hit::Node(n)) => layout.nodes.get(n).map(|node| {
            node.incoming
                .first()
                .map_or(Hit::Node(n), |&l| Hit::Link(l))
        }),
        (NavKey::Right, Hit::Link(l)) => layout.links.get(l).map(|link| Hit::Node(link.target)),
        (NavKey::Left, Hit::Link(l)) => layout.links.get(l).map(|link| Hit::Node(link.source)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Dataset, Lang};
    use crate::layout::text::is_cjk;
    use crate::series::career_flows::{career_flows, CareerFlow};

    /// 6 px per Latin character, 12 px per CJK character; bold adds 10%.
    fn fake(text: &str, size: f64, bold: bool) -> f64 {
        let per: f64 = text
            .chars()
            .map(|c| if is_cjk(c) { 1.0 } else { 0.55 })
            .sum();
        per * size * if bold { 1.1 } else { 1.0 }
    }

    /// A, B -> C -> D, E (the graph of the layout tests).
    fn small() -> (Vec<SankeyNode>, Vec<SankeyLink>) {
        (
            vec![
                SankeyNode::new("A", 0),
                SankeyNode::new("B", 0),
                SankeyNode::new("C", 1),
                SankeyNode::new("D", 2),
                SankeyNode::new("E", 2).unreported(),
            ],
            vec![
                SankeyLink::new("A", "C", 3.0),
                SankeyLink::new("B", "C", 1.0),
                SankeyLink::new("C", "D", 2.0),
                SankeyLink::new("C", "E", 2.0),
            ],
        )
    }

    #[test]
    fn lanes_sit_between_nodes_and_ribbons() {
        // Width 300, node 10, lanes of 50: the diagram is laid out in 300 - 150 = 150 px,
        // columns at 0, 70, 140 ((150 - 10) / 2 = 70 apart), then shifted right by the
        // lanes before them (and column 0 by its own, which is on the left): 50, 50, 100.
        // Column 0: lane [0, 50], node [50, 60]. Column 1: node [120, 130], lane
        // [130, 180]. Column 2: node [240, 250], lane [250, 300].
        // Ribbons 0 -> 1 run over [60, 120], 1 -> 2 over [180, 240].
        let (nodes, links) = small();
        let p = LaneParams {
            width: 300.0,
            height: 100.0,
            top: 20.0,
            node_width: 10.0,
            lane_widths: vec![50.0; 3],
            node_padding: 10.0,
            iterations: 0,
        };
        let l = LanedLayout::compute(&nodes, &links, &p).expect("valid");
        let lanes: Vec<(Side, f64, f64)> = l.lanes.iter().map(|l| (l.side, l.x0, l.x1)).collect();
        assert_eq!(
            lanes,
            vec![
                (Side::Left, 0.0, 50.0),
                (Side::Right, 130.0, 180.0),
                (Side::Right, 250.0, 300.0)
            ]
        );
        let xs: Vec<(f64, f64)> = l.layout.nodes.iter().map(|n| (n.x0, n.x1)).collect();
        assert_eq!(
            xs,
            vec![
                (50.0, 60.0),
                (50.0, 60.0),
                (120.0, 130.0),
                (240.0, 250.0),
                (240.0, 250.0)
            ]
        );
        let spans: Vec<(f64, f64)> = l.layout.links.iter().map(|k| (k.x0, k.x1)).collect();
        assert_eq!(
            spans,
            vec![(60.0, 120.0), (60.0, 120.0), (180.0, 240.0), (180.0, 240.0)]
        );
        // Everything is shifted down by `top`: the diagram fills [20, 120].
        assert!(l.layout.nodes.iter().all(|n| n.y0 >= 20.0 && n.y1 <= 120.0));
        // No ribbon enters a lane.
        for lane in &l.lanes {
            for link in &l.layout.links {
                assert!(link.x1 <= lane.x0 || link.x0 >= lane.x1);
            }
        }
        // Lanes of their own width: 30, 60, 20 leave 190 px, columns 90 apart at 0, 90,
        // 180, shifted right by the lanes before them (column 0 by its own, on the left):
        // 30, 30, 30 + 60 = 90.
        // col 0 lane [0, 30] node [30, 40]; col 1 node [120, 130] lane [130, 190];
        // col 2 node [270, 280] lane [280, 300]. Ribbons [40, 120] and [190, 270].
        let uneven = LaneParams {
            lane_widths: vec![30.0, 60.0, 20.0],
            ..p.clone()
        };
        let l = LanedLayout::compute(&nodes, &links, &uneven).expect("valid");
        let lanes: Vec<(f64, f64)> = l.lanes.iter().map(|l| (l.x0, l.x1)).collect();
        assert_eq!(lanes, vec![(0.0, 30.0), (130.0, 190.0), (280.0, 300.0)]);
        let xs: Vec<f64> = l.layout.nodes.iter().map(|n| n.x0).collect();
        assert_eq!(xs, vec![30.0, 30.0, 120.0, 270.0, 270.0]);
        let spans: Vec<(f64, f64)> = l.layout.links.iter().map(|k| (k.x0, k.x1)).collect();
        assert_eq!(
            spans,
            vec![(40.0, 120.0), (40.0, 120.0), (190.0, 270.0), (190.0, 270.0)]
        );
        // Lanes too wide leave no room for the diagram.
        assert!(LanedLayout::compute(
            &nodes,
            &links,
            &LaneParams {
                lane_widths: vec![100.0; 3],
                ..p
            }
        )
        .is_err());
    }

    #[test]
    fn lanes_are_allocated_by_need() {
        // Room for lanes: 300 - 3 × 10 - 2 × 30 = 210.
        // Wishes 50, 100 (200 capped at 100), 60 fit: kept.
        assert_eq!(
            allocate_lanes(300.0, &[50.0, 200.0, 60.0], 10.0, 30.0, 40.0, 100.0),
            [50.0, 100.0, 60.0]
        );
        // Wishes 70, 100, 100 = 270 > 210: each gets 40, and the other 90 px go by
        // excess 30 : 60 : 60, i.e. 18, 36, 36 -> 58, 76, 76.
        assert_eq!(
            allocate_lanes(300.0, &[70.0, 200.0, 100.0], 10.0, 30.0, 40.0, 100.0),
            [58.0, 76.0, 76.0]
        );
        // A short wish is raised to the minimum.
        assert_eq!(
            allocate_lanes(300.0, &[10.0], 10.0, 30.0, 40.0, 100.0),
            [40.0]
        );
        // No room beyond the minimums: 150 - 30 - 60 = 60 < 120.
        assert_eq!(
            allocate_lanes(150.0, &[70.0, 200.0, 100.0], 10.0, 30.0, 40.0, 100.0),
            [40.0, 40.0, 40.0]
        );
        assert!(allocate_lanes(300.0, &[], 10.0, 30.0, 40.0, 100.0).is_empty());
    }

    #[test]
    fn navigation_moves_along_columns_and_flows() {
        let (nodes, links) = small();
        let s = crate::layout::sankey::layout(&nodes, &links, &LayoutParams::new(300.0, 100.0))
            .expect("valid");
        // A (0) is above B (1) in column 0; D (3) above E (4) in column 2.
        assert_eq!(step(&s, None, NavKey::Up), Some(Hit::Node(0)));
        assert_eq!(
            step(&s, Some(Hit::Node(0)), NavKey::Down),
            Some(Hit::Node(1))
        );
        assert_eq!(
            step(&s, Some(Hit::Node(1)), NavKey::Down),
            Some(Hit::Node(1))
        );
        assert_eq!(step(&s, Some(Hit::Node(1)), NavKey::Up), Some(Hit::Node(0)));
        // Right from A: its only outgoing link A -> C (0); then on to C.
        assert_eq!(
            step(&s, Some(Hit::Node(0)), NavKey::Right),
            Some(Hit::Link(0))
        );
        assert_eq!(
            step(&s, Some(Hit::Link(0)), NavKey::Right),
            Some(Hit::Node(2))
        );
        // From C, right goes to the top outgoing link C -> D (2); down to C -> E (3).
        assert_eq!(
            step(&s, Some(Hit::Node(2)), NavKey::Right),
            Some(Hit::Link(2))
        );
        assert_eq!(
            step(&s, Some(Hit::Link(2)), NavKey::Down),
            Some(Hit::Link(3))
        );
        assert_eq!(
            step(&s, Some(Hit::Link(3)), NavKey::Left),
            Some(Hit::Node(2))
        );
        // Left from C: its top incoming link A -> C.
        assert_eq!(
            step(&s, Some(Hit::Node(2)), NavKey::Left),
            Some(Hit::Link(0))
        );
        // Sources have no incoming link and sinks no outgoing one: the focus stays.
        assert_eq!(
            step(&s, Some(Hit::Node(0)), NavKey::Left),
            Some(Hit::Node(0))
        );
        assert_eq!(
            step(&s, Some(Hit::Node(3)), NavKey::Right),
            Some(Hit::Node(3))
        );
        assert_eq!(
            step(&s, Some(Hit::Node(3)), NavKey::Home),
            Some(Hit::Node(0))
        );
        assert_eq!(step(&s, None, NavKey::End), Some(Hit::Node(4)));
    }

    #[test]
    fn highlighting_a_link_follows_the_flow_through_it() {
        let (nodes, links) = small();
        let s = crate::layout::sankey::layout(&nodes, &links, &LayoutParams::new(300.0, 100.0))
            .expect("valid");
        // Link C -> D (2): upstream of C are A -> C and B -> C; downstream of D nothing.
        // C -> E is not on the path through C -> D.
        let (l, n) = highlight(&s, Hit::Link(2));
        assert_eq!(l, [true, true, true, false]);
        assert_eq!(n, [true, true, true, true, false]);
        // Link A -> C (0): A, then C and everything after it; B -> C is not lit.
        let (l, n) = highlight(&s, Hit::Link(0));
        assert_eq!(l, [true, false, true, true]);
        assert_eq!(n, [true, false, true, true, true]);
        // A node: the same as `neighbours`.
        let (l, n) = highlight(&s, Hit::Node(3));
        assert_eq!(l, [true, true, true, false]);
        assert_eq!(n, [true, true, true, true, false]);
        // Out of range: nothing.
        let (l, n) = highlight(&s, Hit::Link(9));
        assert!(l.iter().chain(&n).all(|x| !x));
    }

    /// The guarantees of a plan: labels inside their lanes, apart from each other and
    /// from every ribbon; headings above the diagram and apart; canvas tall enough.
    fn check_plan(plan: &SankeyPlan, width: f64) {
        let layout = &plan.laned.layout;
        for (i, label) in plan.labels.iter().enumerate() {
            if label.lines.is_empty() {
                continue;
            }
            let node = &layout.nodes[i];
            let lane = &plan.laned.lanes[node.stage];
            assert!(
                label.x0 >= lane.x0 - 1e-9 && label.x1 <= lane.x1 + 1e-9,
                "label {i} in its lane"
            );
            assert!(label.x0 >= 0.0 && label.x1 <= width + 1e-9);
            for line in &label.lines {
                let w = line_width(line, plan.style.font, &fake);
                assert!(
                    w <= label.x1 - label.x0 + 1e-9,
                    "label {i}: {line:?} fits its box"
                );
            }
            assert!(
                label.y0 >= plan.laned.top - 1e-9,
                "label {i} below the headings"
            );
            assert!(label.y1 <= plan.height + 1e-9, "label {i} on the canvas");
            for link in &layout.links {
                assert!(
                    label.x1 <= link.x0 + 1e-9 || label.x0 >= link.x1 - 1e-9,
                    "label {i} clear of ribbon {link:?}"
                );
            }
            for (j, other) in plan.labels.iter().enumerate().skip(i + 1) {
                if !other.lines.is_empty() {
                    assert!(!label.overlaps(other), "labels {i} and {j} overlap");
                }
            }
            // The label does not cover its own node either.
            assert!(label.x1 <= node.x0 + 1e-9 || label.x0 >= node.x1 - 1e-9);
        }
        for (i, heading) in plan.headings.iter().enumerate() {
            assert!(
                heading.y1 <= plan.laned.top,
                "heading {i} above the diagram"
            );
            for other in plan.headings.iter().skip(i + 1) {
                assert!(!heading.overlaps(other) || heading.lines.is_empty());
            }
        }
        for node in &layout.nodes {
            assert!(node.y1 <= plan.height + 1e-9);
        }
    }

    fn flow_plan(flow: &CareerFlow, lang: Lang, width: f64) -> SankeyPlan {
        let (nodes, links) = flow.sankey_input();
        let labels: Vec<NodeLabel> = flow
            .nodes
            .iter()
            .map(|n| NodeLabel {
                name: flow.text(n.label, lang),
                value: format!("{}", n.value),
            })
            .collect();
        let headings: Vec<String> = flow.stages.iter().map(|s| flow.text(*s, lang)).collect();
        plan(
            &nodes,
            &links,
            &labels,
            &headings,
            width,
            PlanStyle::for_width(width),
            &fake,
        )
        .expect("plans")
    }

    #[test]
    fn career_flows_plan_without_overlaps_at_phone_and_desktop_widths() {
        // 302 px is the canvas at a 360-px screen; 862 px at the 1100-px default.
        for flow in career_flows(Dataset::embedded()).expect("flows") {
            for lang in [Lang::En, Lang::Zh] {
                for width in [302.0, 360.0, 480.0, 600.0, 862.0] {
                    let plan = flow_plan(&flow, lang, width);
                    check_plan(&plan, width);
                    // Ribbons keep some room at every width.
                    for link in &plan.laned.layout.links {
                        assert!(link.x1 - link.x0 >= 20.0, "{:?} {width}", flow.key);
                    }
                }
            }
        }
    }

    #[test]
    fn a_tall_column_of_labels_makes_the_diagram_taller() {
        // Twelve leaves of one root, 1 unit each: at the base height the nodes would be
        // tiny and the labels would need 12 × (2 lines × 13 + 4) - 4 = 356 px > 300.
        let mut nodes = vec![SankeyNode::new("root", 0)];
        let mut links = Vec::new();
        for i in 0..12 {
            nodes.push(SankeyNode::new(format!("n{i}"), 1));
            links.push(SankeyLink::new("root", format!("n{i}"), 1.0));
        }
        let labels: Vec<NodeLabel> = (0..13)
            .map(|i| NodeLabel {
                name: format!("A long label number {i}"),
                value: "1".into(),
            })
            .collect();
        let style = PlanStyle::for_width(300.0);
        let p = plan(
            &nodes,
            &links,
            &labels,
            &["From".into(), "To".into()],
            300.0,
            style,
            &fake,
        )
        .expect("plans");
        let leaf_lines = p.labels[1].lines.len();
        assert!(leaf_lines >= 2);
        let needed =
            12.0 * (leaf_lines as f64 * style.line_height + style.label_gap) - style.label_gap;
        assert!(p.height - p.laned.top >= needed);
        check_plan(&p, 300.0);
    }

    /// Deterministic xorshift64* generator.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    #[test]
    fn property_random_graphs_plan_without_overlaps() {
        let words = [
            "China",
            "US",
            "researchers",
            "not",
            "reported",
            "中国",
            "美国大学教授",
            "PhD/postdoc",
            "Other / not reported",
            "在美博士生/博士后",
        ];
        let mut rng = XorShift(0x5EED_1234_ABCD_0001);
        for case in 0..200 {
            let stages = 2 + rng.below(3);
            let per = 1 + rng.below(7);
            let mut nodes = Vec::new();
            for s in 0..stages {
                for i in 0..per {
                    nodes.push(SankeyNode::new(format!("s{s}n{i}"), s));
                }
            }
            let mut links = Vec::new();
            for _ in 0..(1 + rng.below(20)) {
                // Links join neighbouring columns (a link that skips a column has to
                // cross that column, lane included; the career flows never skip).
                let a = rng.below(stages - 1);
                let b = a + 1;
                links.push(SankeyLink::new(
                    format!("s{a}n{}", rng.below(per)),
                    format!("s{b}n{}", rng.below(per)),
                    1.0 + rng.below(50) as f64,
                ));
            }
            let labels: Vec<NodeLabel> = nodes
                .iter()
                .map(|_| NodeLabel {
                    name: (0..1 + rng.below(3))
                        .map(|_| words[rng.below(words.len())])
                        .collect::<Vec<_>>()
                        .join(" "),
                    value: format!("{}", rng.below(200)),
                })
                .collect();
            let headings: Vec<String> = (0..stages)
                .map(|_| words[rng.below(words.len())].to_owned())
                .collect();
            let width = [302.0, 420.0, 700.0, 862.0][rng.below(4)];
            let p = plan(
                &nodes,
                &links,
                &labels,
                &headings,
                width,
                PlanStyle::for_width(width),
                &fake,
            )
            .unwrap_or_else(|e| panic!("case {case}: {e}"));
            check_plan(&p, width);
            // Labels count as their node for hit-testing.
            for (i, label) in p.labels.iter().enumerate() {
                if !label.lines.is_empty() {
                    let (x, y) = ((label.x0 + label.x1) / 2.0, (label.y0 + label.y1) / 2.0);
                    assert_eq!(p.hit(x, y, 0.0), Some(Hit::Node(i)));
                }
            }
        }
    }
}
