//! Net flows: the country flow graph derived from the MacroPolo 2019 origin × work
//! table, and the geometry of the charts that show gains and losses (diverging bars of
//! net flow, dot rows of arrivals and departures).
//!
//! # The country graph
//!
//! [`Baseline::stock`] is a 3 × 3 table of top-tier researchers by region of
//! undergraduate degree (origin) and region of the employer (work), per 100 in the
//! 2019 pool. MacroPolo publishes only its margins and a few inner shares; the table is
//! *derived* (see the [`projection`](crate::projection) module docs for the steps).
//! [`country_network`] reads it as a flow graph:
//!
//! - every cell `[o][w]` with a value is a flow from origin `o` to work region `w`;
//! - cells off the diagonal are *moves* and become the weighted edges of a
//!   [`FlowGraph`]: arrivals (weighted in-degree), departures (weighted out-degree),
//!   weighted degree, net = arrivals − departures, and betweenness (Brandes, hop counts
//!   along the direction of the moves);
//! - the diagonal (working in the region of one's degree) is kept as `stayed`; it is
//!   not a move, so it counts in no degree.
//!
//! Net per region equals researchers working there minus researchers who studied
//! there: column sum − row sum, since the diagonal cancels.

use crate::network::FlowGraph;
use crate::projection::{Baseline, Region};
use crate::sankey::{SankeyLink, SankeyNode};
use crate::sankey_labels::Align;

/// Cells at or below this are empty (no flow drawn).
const EPS: f64 = 1e-9;

/// Stable key of a region, used as node name and id.
pub fn region_key(region: Region) -> &'static str {
    match region {
        Region::Us => "us",
        Region::China => "cn",
        Region::Rest => "rest",
    }
}

/// One flow of the country graph: researchers with a degree from `origin` working in
/// `work`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RegionFlow {
    /// Region of the undergraduate degree.
    pub origin: Region,
    /// Region of the employer.
    pub work: Region,
    /// Researchers per 100 in the pool.
    pub value: f64,
    /// `value / researchers of this origin`, in `[0, 1]`.
    pub share_of_origin: f64,
}

impl RegionFlow {
    /// True when the flow leaves its origin region (an edge of the moves graph).
    pub fn is_move(&self) -> bool {
        self.origin != self.work
    }
}

/// The metrics of one region.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RegionMetrics {
    /// The region.
    pub region: Region,
    /// Researchers with a degree from here (row sum).
    pub studied: f64,
    /// Researchers working here (column sum).
    pub working: f64,
    /// Researchers working where they studied (diagonal).
    pub stayed: f64,
    /// Weighted in-degree of the moves graph: moved here from elsewhere.
    pub arrivals: f64,
    /// Weighted out-degree of the moves graph: studied here, work elsewhere.
    pub departures: f64,
    /// `arrivals + departures`.
    pub weighted_degree: f64,
    /// `arrivals - departures` (= `working - studied`).
    pub net: f64,
    /// Unnormalised betweenness in the moves graph.
    pub betweenness: f64,
    /// Betweenness over `(n - 1)(n - 2)`.
    pub normalised: f64,
}

/// The country flow graph with its metrics.
#[derive(Clone, Debug)]
pub struct CountryNetwork {
    /// Year of the table.
    pub year: u16,
    /// Every non-empty cell, origin-major in region order.
    pub flows: Vec<RegionFlow>,
    /// One entry per region, in region order.
    pub metrics: Vec<RegionMetrics>,
    /// The whole pool (100).
    pub total: f64,
    /// The moves (off-diagonal cells) as a petgraph flow graph.
    pub moves: FlowGraph,
}

/// Reads the baseline table as a flow graph (see the module docs).
///
/// ```
/// use talent_core::net_flow::country_network;
/// use talent_core::projection::Baseline;
/// let net = country_network(Baseline::embedded());
/// let sum: f64 = net.metrics.iter().map(|m| m.net).sum();
/// assert!(sum.abs() < 1e-9); // every move leaves one region and reaches another
/// ```
pub fn country_network(baseline: &Baseline) -> CountryNetwork {
    let stock = baseline.stock;
    let mut flows = Vec::new();
    for origin in Region::ALL {
        let row = stock[origin.index()];
        let studied: f64 = row.iter().sum();
        for work in Region::ALL {
            let value = row[work.index()];
            if value.is_finite() && value > EPS {
                flows.push(RegionFlow {
                    origin,
                    work,
                    value,
                    share_of_origin: if studied > 0.0 { value / studied } else { 0.0 },
                });
            }
        }
    }
    let edges: Vec<(&str, &str, f64)> = flows
        .iter()
        .filter(|f| f.is_move())
        .map(|f| (region_key(f.origin), region_key(f.work), f.value))
        .collect();
    let moves = FlowGraph::from_edges(&edges);
    let centrality = moves.centrality();
    let metrics = Region::ALL
        .iter()
        .map(|&region| {
            let i = region.index();
            let studied: f64 = stock[i].iter().sum();
            let working: f64 = stock.iter().map(|row| row[i]).sum();
            let degree = moves.degree(region_key(region));
            let (arrivals, departures) = degree.map_or((0.0, 0.0), |d| (d.in_degree, d.out_degree));
            let central = centrality.iter().find(|c| c.name == region_key(region));
            RegionMetrics {
                region,
                studied,
                working,
                stayed: stock[i][i],
                arrivals,
                departures,
                weighted_degree: arrivals + departures,
                net: arrivals - departures,
                betweenness: central.map_or(0.0, |c| c.betweenness),
                normalised: central.map_or(0.0, |c| c.normalised),
            }
        })
        .collect();
    CountryNetwork {
        year: baseline.year,
        flows,
        metrics,
        total: baseline.total(),
        moves,
    }
}

impl CountryNetwork {
    /// Sankey id of a region's node in `stage` 0 (origin) or 1 (work).
    pub fn node_id(region: Region, stage: usize) -> String {
        let side = if stage == 0 { "origin" } else { "work" };
        format!("{side}_{}", region_key(region))
    }

    /// The regions that appear in `stage` (0 origin, 1 work), in region order.
    pub fn regions_in(&self, stage: usize) -> Vec<Region> {
        Region::ALL
            .into_iter()
            .filter(|&r| {
                self.flows.iter().any(|f| {
                    if stage == 0 {
                        f.origin == r
                    } else {
                        f.work == r
                    }
                })
            })
            .collect()
    }

    /// The graph as a two-stage Sankey (origin → work); nodes are the regions of
    /// [`Self::regions_in`] stage 0 then stage 1, links follow [`Self::flows`].
    pub fn sankey_input(&self) -> (Vec<SankeyNode>, Vec<SankeyLink>) {
        let nodes = (0..2)
            .flat_map(|stage| {
                self.regions_in(stage)
                    .into_iter()
                    .map(move |r| SankeyNode::new(Self::node_id(r, stage), stage))
            })
            .collect();
        let links = self
            .flows
            .iter()
            .map(|f| {
                SankeyLink::new(
                    Self::node_id(f.origin, 0),
                    Self::node_id(f.work, 1),
                    f.value,
                )
            })
            .collect();
        (nodes, links)
    }

    /// The metrics of one region.
    pub fn metrics_of(&self, region: Region) -> Option<&RegionMetrics> {
        self.metrics.iter().find(|m| m.region == region)
    }
}

/// Where one row of a diverging bar chart sits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DivergingRow {
    /// Top of the row band.
    pub top: f64,
    /// Bottom of the row band.
    pub bottom: f64,
    /// Left end of the bar.
    pub bar_x0: f64,
    /// Right end of the bar.
    pub bar_x1: f64,
    /// Where the value text is anchored.
    pub value_x: f64,
    /// `Right`: the text ends at `value_x` (negative values, left of the bar);
    /// `Left`: it starts there (zero and positive values, right of the bar).
    pub value_align: Align,
}

/// A diverging bar chart: a label lane, then bars left (negative) or right (positive)
/// of a zero line, each with its value text outside the bar end.
#[derive(Clone, Debug, PartialEq)]
pub struct DivergingLayout {
    /// The zero line.
    pub zero_x: f64,
    /// Pixels per unit.
    pub scale: f64,
    /// Right edge of the label lane.
    pub label_width: f64,
    /// Rows, in input order, stacked from `top`.
    pub rows: Vec<DivergingRow>,
    /// Bottom of the last row.
    pub bottom: f64,
}

/// Lays out diverging bars in `width` pixels: labels take `label_width`, the widest
/// value text on each side (`value_widths`, plus `pad`) is kept free, and one scale
/// fits the most negative and the most positive value in the rest.
///
/// Guarantees (tested): every value text lies in `[label_width, width]` and never on
/// its bar; bars never enter the label lane.
///
/// ```
/// use talent_core::net_flow::diverging;
/// // Values -10 and +30, 20-px value texts, 4-px pad: 24 px kept on each side,
/// // 400 - 100 - 48 = 252 px for 40 units: 6.3 px per unit, zero at 100 + 24 + 63.
/// let d = diverging(&[-10.0, 30.0], &[20.0; 2], &[20.0; 2], 400.0, 100.0, 4.0, 0.0);
/// assert!((d.scale - 6.3).abs() < 1e-9 && (d.zero_x - 187.0).abs() < 1e-9);
/// ```
pub fn diverging(
    values: &[f64],
    row_heights: &[f64],
    value_widths: &[f64],
    width: f64,
    label_width: f64,
    pad: f64,
    top: f64,
) -> DivergingLayout {
    let n = values.len().min(row_heights.len()).min(value_widths.len());
    let finite = |v: f64| if v.is_finite() { v } else { 0.0 };
    let room = |negative: bool| {
        (0..n)
            .filter(|&i| (finite(values[i]) < 0.0) == negative)
            .map(|i| value_widths[i] + pad)
            .fold(0.0, f64::max)
    };
    let (left_room, right_room) = (room(true), room(false));
    let neg = (0..n).map(|i| -finite(values[i])).fold(0.0, f64::max);
    let pos = (0..n).map(|i| finite(values[i])).fold(0.0, f64::max);
    let plot = (width - label_width - left_room - right_room).max(0.0);
    let scale = if neg + pos > 0.0 {
        plot / (neg + pos)
    } else {
        0.0
    };
    let zero_x = label_width + left_room + neg * scale;
    let mut y = top;
    let rows = (0..n)
        .map(|i| {
            let v = finite(values[i]);
            let end = zero_x + v * scale;
            let (bar_x0, bar_x1) = if v < 0.0 {
                (end, zero_x)
            } else {
                (zero_x, end)
            };
            let (value_x, value_align) = if v < 0.0 {
                (bar_x0 - pad, Align::Right)
            } else {
                (bar_x1 + pad, Align::Left)
            };
            let row = DivergingRow {
                top: y,
                bottom: y + row_heights[i],
                bar_x0,
                bar_x1,
                value_x,
                value_align,
            };
            y += row_heights[i];
            row
        })
        .collect();
    DivergingLayout {
        zero_x,
        scale,
        label_width,
        rows,
        bottom: y,
    }
}

/// Where one row of a dot chart (two values on one axis) sits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DotRow {
    /// Top of the row band.
    pub top: f64,
    /// Bottom of the row band.
    pub bottom: f64,
    /// x of the first value.
    pub a_x: f64,
    /// x of the second value.
    pub b_x: f64,
}

/// A dot chart: one row per item, two dots per row on a shared axis from 0.
#[derive(Clone, Debug, PartialEq)]
pub struct DotLayout {
    /// x of the value 0.
    pub x0: f64,
    /// x of the axis end.
    pub x1: f64,
    /// Pixels per unit.
    pub scale: f64,
    /// Axis ticks: (value, x).
    pub ticks: Vec<(f64, f64)>,
    /// Rows, in input order, stacked from `top`.
    pub rows: Vec<DotRow>,
    /// Bottom of the last row.
    pub bottom: f64,
}

/// Round tick values from 0 covering `max` with about `count` steps of 1, 2, 2.5 or 5
/// times a power of ten; the last tick is at or above `max`.
///
/// ```
/// use talent_core::net_flow::nice_ticks;
/// // 65 / 4 = 16.25 -> step 20; 60 < 65, so the axis runs to 80.
/// assert_eq!(nice_ticks(65.0, 4), [0.0, 20.0, 40.0, 60.0, 80.0]);
/// ```
pub fn nice_ticks(max: f64, count: usize) -> Vec<f64> {
    if !(max.is_finite() && max > 0.0) {
        return vec![0.0];
    }
    let raw = max / count.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw - 1e-12)
        .unwrap_or(10.0 * magnitude);
    let steps = (max / step - 1e-9).ceil().max(1.0) as usize;
    (0..=steps).map(|k| k as f64 * step).collect()
}

/// Lays out dot rows in `width` pixels: labels take `label_width`, `right_pad` is kept
/// at the right, and the axis runs from 0 to the last of [`nice_ticks`] of the largest
/// value.
///
/// ```
/// use talent_core::net_flow::dots;
/// // Largest value 65 -> axis 0..80 over 300 - 100 - 20 = 180 px: 2.25 px per unit.
/// let d = dots(&[(65.0, 12.0)], &[30.0], 300.0, 100.0, 20.0, 10.0);
/// assert_eq!((d.rows[0].a_x, d.rows[0].b_x), (100.0 + 65.0 * 2.25, 100.0 + 12.0 * 2.25));
/// ```
pub fn dots(
    pairs: &[(f64, f64)],
    row_heights: &[f64],
    width: f64,
    label_width: f64,
    right_pad: f64,
    top: f64,
) -> DotLayout {
    let n = pairs.len().min(row_heights.len());
    let finite = |v: f64| if v.is_finite() { v.max(0.0) } else { 0.0 };
    let max = pairs
        .iter()
        .map(|&(a, b)| finite(a).max(finite(b)))
        .fold(0.0, f64::max);
    let tick_values = nice_ticks(max, 4);
    let axis_max = tick_values.last().copied().unwrap_or(1.0).max(1e-9);
    let x0 = label_width;
    let x1 = (width - right_pad).max(x0);
    let scale = (x1 - x0) / axis_max;
    let ticks = tick_values.iter().map(|&v| (v, x0 + v * scale)).collect();
    let mut y = top;
    let rows = (0..n)
        .map(|i| {
            let (a, b) = pairs[i];
            let row = DotRow {
                top: y,
                bottom: y + row_heights[i],
                a_x: x0 + finite(a) * scale,
                b_x: x0 + finite(b) * scale,
            };
            y += row_heights[i];
            row
        })
        .collect();
    DotLayout {
        x0,
        x1,
        scale,
        ticks,
        rows,
        bottom: y,
    }
}

/// Index of the row whose band contains `y` (top inclusive, bottom exclusive).
pub fn row_at(bands: &[(f64, f64)], y: f64) -> Option<usize> {
    bands
        .iter()
        .position(|&(top, bottom)| y >= top && y < bottom)
}

/// A flow matrix folded to its largest places, for a Sankey that stays readable and
/// quick to draw however many countries the matrix has.
#[derive(Clone, Debug, PartialEq)]
pub struct FoldedMatrix {
    /// Indices of the places kept, largest first.
    pub kept: Vec<usize>,
    /// True when the last row and column sum the places not kept.
    pub other: bool,
    /// The folded matrix: rows are origins, columns work places, in `kept` order, then
    /// "other" if any.
    pub matrix: Vec<Vec<f64>>,
}

/// Keeps the `keep` places with the most researchers (studied there plus working there;
/// ties by index) and sums every other row and column into one "other" place, so a
/// Sankey of an `n` x `n` matrix has at most `keep + 1` nodes a side and `(keep + 1)²`
/// ribbons instead of `n²`. The total is unchanged. Folding a single place would only
/// rename it, so with `n <= keep + 1` every place is kept. Non-finite or negative cells
/// count as 0. Rows shorter than the matrix are read as zero-padded.
///
/// ```
/// use talent_core::net_flow::fold_matrix;
/// let m = vec![vec![5.0, 1.0, 0.0], vec![2.0, 3.0, 1.0], vec![0.0, 1.0, 1.0]];
/// let f = fold_matrix(&m, 1);
/// assert_eq!((f.kept.clone(), f.other), (vec![0], true));
/// assert_eq!(f.matrix, vec![vec![5.0, 1.0], vec![2.0, 6.0]]);
/// ```
pub fn fold_matrix(matrix: &[Vec<f64>], keep: usize) -> FoldedMatrix {
    let n = matrix.len();
    let cell = |o: usize, w: usize| {
        let v = matrix[o].get(w).copied().unwrap_or(0.0);
        if v.is_finite() {
            v.max(0.0)
        } else {
            0.0
        }
    };
    let size: Vec<f64> = (0..n)
        .map(|i| (0..n).map(|j| cell(i, j) + cell(j, i)).sum())
        .collect();
    let mut ranked = crate::order::stable_order(n, &|a, b| size[b].total_cmp(&size[a]));
    let other = n > keep + 1;
    ranked.truncate(if other { keep } else { n });
    let slots = ranked.len() + usize::from(other);
    // Position of each place in the folded matrix: kept ones in rank order, then other.
    let mut slot = vec![slots.saturating_sub(1); n];
    for (position, &place) in ranked.iter().enumerate() {
        slot[place] = position;
    }
    let mut folded = vec![vec![0.0; slots]; slots];
    for o in 0..n {
        for w in 0..n {
            folded[slot[o]][slot[w]] += cell(o, w);
        }
    }
    FoldedMatrix {
        kept: ranked,
        other,
        matrix: folded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;
    use crate::network::city_network;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// A hand-made table: origin rows US, China, Rest; work columns US, China, Rest.
    fn toy() -> Baseline {
        Baseline {
            year: 2019,
            stock: [[20.0, 0.0, 2.0], [16.0, 10.0, 3.0], [25.0, 1.0, 23.0]],
        }
    }

    #[test]
    fn toy_table_gives_hand_computed_degrees_and_betweenness() {
        // Moves: US->Rest 2; China->US 16, China->Rest 3; Rest->US 25, Rest->China 1.
        // US:    arrivals 16 + 25 = 41, departures 2, degree 43, net +39.
        // China: arrivals 1, departures 16 + 3 = 19, degree 20, net -18.
        // Rest:  arrivals 2 + 3 = 5, departures 25 + 1 = 26, degree 31, net -21.
        // Net = working - studied: US 61 - 22 = 39, China 11 - 29 = -18, Rest 28 - 49 = -21.
        // Betweenness (hops): the only pair without a direct edge is US -> China,
        // whose one shortest path US -> Rest -> China runs through Rest: Rest 1, others 0;
        // normalised by (3 - 1)(3 - 2) = 2: Rest 0.5.
        let net = country_network(&toy());
        let m = |r: Region| *net.metrics_of(r).expect("region");
        let row = |x: RegionMetrics| {
            (
                x.arrivals,
                x.departures,
                x.weighted_degree,
                x.net,
                x.betweenness,
                x.normalised,
            )
        };
        assert_eq!(row(m(Region::Us)), (41.0, 2.0, 43.0, 39.0, 0.0, 0.0));
        assert_eq!(row(m(Region::China)), (1.0, 19.0, 20.0, -18.0, 0.0, 0.0));
        assert_eq!(row(m(Region::Rest)), (5.0, 26.0, 31.0, -21.0, 1.0, 0.5));
        for x in &net.metrics {
            assert!(close(x.net, x.working - x.studied));
        }
        assert_eq!(
            (m(Region::Us).stayed, m(Region::China).stayed),
            (20.0, 10.0)
        );
        // 8 non-empty cells (US -> China is 0); shares of origin: China -> US 16 / 29.
        assert_eq!(net.flows.len(), 8);
        let cn_us = net
            .flows
            .iter()
            .find(|f| f.origin == Region::China && f.work == Region::Us)
            .expect("flow");
        assert!(close(cn_us.share_of_origin, 16.0 / 29.0));
        assert_eq!(net.moves.edge_count(), 5);
        assert_eq!(net.total, 100.0);
        // The Sankey has 3 + 3 nodes and one link per flow.
        let (nodes, links) = net.sankey_input();
        assert_eq!((nodes.len(), links.len()), (6, 8));
        assert_eq!(links[0].source, "origin_us");
        assert_eq!(links[0].target, "work_us");
    }

    #[test]
    fn embedded_table_nets_match_the_margins() {
        // The embedded 2019 table (projection docs): net per region is the work share
        // minus the origin share, in points of the pool: e.g. US = 100 × (W_US - O_US).
        let data = Dataset::embedded();
        let pct = |id: &str| data.number(id).expect("fact");
        let net = country_network(Baseline::embedded());
        let us = net.metrics_of(Region::Us).expect("us");
        assert!(close(
            us.net,
            pct("mp19_work_share_us") - pct("mp19_origin_share_us")
        ));
        let cn = net.metrics_of(Region::China).expect("cn");
        assert!(close(
            cn.net,
            pct("mp19_work_share_china") - pct("mp19_origin_share_china")
        ));
        let total: f64 = net.metrics.iter().map(|m| m.net).sum();
        assert!(total.abs() < 1e-9);
        // The US gains and China loses: the direction of the published margins.
        assert!(us.net > 0.0 && cn.net < 0.0);
        for f in &net.flows {
            assert!(f.value > 0.0 && f.share_of_origin > 0.0 && f.share_of_origin <= 1.0);
        }
    }

    #[test]
    fn diverging_bars_keep_values_between_labels_and_edge() {
        // Hand-worked in the doc example: scale 6.3, zero at 187.
        let d = diverging(
            &[-10.0, 30.0],
            &[20.0; 2],
            &[20.0; 2],
            400.0,
            100.0,
            4.0,
            0.0,
        );
        // -10: bar [187 - 63, 187] = [124, 187], text ends at 120 (starts at 100).
        assert!(close(d.rows[0].bar_x0, 124.0) && close(d.rows[0].bar_x1, 187.0));
        assert!(close(d.rows[0].value_x, 120.0));
        assert_eq!(d.rows[0].value_align, Align::Right);
        // +30: bar [187, 376], text from 380 to 400.
        assert!(close(d.rows[1].bar_x1, 376.0) && close(d.rows[1].value_x, 380.0));
        assert_eq!(
            (d.rows[1].top, d.rows[1].bottom, d.bottom),
            (20.0, 40.0, 40.0)
        );
        // Only positive values: no room kept on the left; zero at the label lane.
        let d = diverging(&[5.0, 0.0], &[10.0; 2], &[12.0; 2], 200.0, 50.0, 4.0, 0.0);
        assert!(close(d.zero_x, 50.0));
        assert_eq!(d.rows[1].bar_x0, d.rows[1].bar_x1);
    }

    #[test]
    fn city_net_flows_fit_at_phone_and_desktop_widths() {
        let cities = city_network(Dataset::embedded());
        let values: Vec<f64> = cities.iter().map(|c| c.net_computed).collect();
        // 7 px per character of the value text, e.g. "+53" = 21 px.
        let widths: Vec<f64> = values
            .iter()
            .map(|v| format!("{v:+}").chars().count() as f64 * 7.0)
            .collect();
        for width in [302.0, 862.0] {
            let label = width * 0.3;
            let d = diverging(
                &values,
                &vec![24.0; values.len()],
                &widths,
                width,
                label,
                4.0,
                0.0,
            );
            for (i, row) in d.rows.iter().enumerate() {
                let (t0, t1) = match row.value_align {
                    Align::Right => (row.value_x - widths[i], row.value_x),
                    Align::Left => (row.value_x, row.value_x + widths[i]),
                };
                assert!(
                    t0 >= label - 1e-9 && t1 <= width + 1e-9,
                    "row {i} text inside"
                );
                assert!(
                    t1 <= row.bar_x0 + 1e-9 || t0 >= row.bar_x1 - 1e-9,
                    "text off bar"
                );
                assert!(row.bar_x0 >= label - 1e-9 && row.bar_x1 <= width);
                // Bars are proportional: |value| × scale.
                assert!(close(row.bar_x1 - row.bar_x0, values[i].abs() * d.scale));
            }
        }
    }

    #[test]
    fn ticks_and_dots() {
        assert_eq!(nice_ticks(65.0, 4), [0.0, 20.0, 40.0, 60.0, 80.0]);
        // 33 / 4 = 8.25 -> 10; 40 >= 33.
        assert_eq!(nice_ticks(33.0, 4), [0.0, 10.0, 20.0, 30.0, 40.0]);
        // 9 / 4 = 2.25 -> 2.5.
        assert_eq!(nice_ticks(9.0, 4), [0.0, 2.5, 5.0, 7.5, 10.0]);
        // Exactly on a tick: no extra step.
        assert_eq!(nice_ticks(40.0, 4), [0.0, 10.0, 20.0, 30.0, 40.0]);
        assert_eq!(nice_ticks(0.0, 4), [0.0]);
        let d = dots(
            &[(65.0, 12.0), (0.0, 13.0)],
            &[30.0, 30.0],
            300.0,
            100.0,
            20.0,
            10.0,
        );
        assert_eq!(d.scale, 2.25);
        assert_eq!(d.rows[1].a_x, 100.0);
        assert_eq!((d.rows[1].top, d.bottom), (40.0, 70.0));
        assert_eq!(d.ticks.last(), Some(&(80.0, 280.0)));
        assert_eq!(row_at(&[(0.0, 10.0), (10.0, 20.0)], 10.0), Some(1));
        assert_eq!(row_at(&[(0.0, 10.0)], 10.0), None);
    }

    #[test]
    fn folding_keeps_the_largest_places_and_the_total() {
        // Sizes (row + column sums): a 10+10=20, b 4+5=9, c 1+7=8, d 9+2=11.
        let m = vec![
            vec![6.0, 1.0, 1.0, 2.0],
            vec![1.0, 2.0, 1.0, 0.0],
            vec![0.0, 0.0, 1.0, 0.0],
            vec![3.0, 2.0, 4.0, 0.0],
        ];
        let f = fold_matrix(&m, 2);
        assert_eq!(f.kept, vec![0, 3]);
        assert!(f.other);
        // Rows a, d, other (b + c); columns a, d, other (b + c).
        assert_eq!(
            f.matrix,
            vec![
                vec![6.0, 2.0, 2.0],
                vec![3.0, 0.0, 6.0],
                vec![1.0, 0.0, 4.0],
            ]
        );
        let total = |m: &[Vec<f64>]| m.iter().flatten().sum::<f64>();
        assert_eq!(total(&f.matrix), total(&m));
    }

    #[test]
    fn folding_one_place_or_none_keeps_everything() {
        let m = vec![vec![1.0, f64::NAN], vec![-2.0, 4.0]];
        let f = fold_matrix(&m, 1);
        assert_eq!((f.kept, f.other), (vec![1, 0], false));
        // Bad cells count as 0; order follows the ranking (b: 4 + 4 = 8, a: 1 + 1 = 2).
        assert_eq!(f.matrix, vec![vec![4.0, 0.0], vec![0.0, 1.0]]);
        assert_eq!(fold_matrix(&[], 3).matrix, Vec::<Vec<f64>>::new());
    }
}
