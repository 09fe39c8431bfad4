//! The export frame: a chart's scene with the words it needs once it leaves its page
//! (title, what is counted, legend, the scenario's parameters, notes, source, the view's
//! link, the site's name and the export date), laid out around it as one bigger scene.
//! The app paints it for the PNG (twice the design size) and SVG downloads of the current
//! state; the site bakes it into the link previews.
//!
//! Two steps, as for the charts: [`layout`] places every line of text and every legend
//! swatch in design pixels, without colours (tested by hand and for overlaps), and
//! [`frame`] draws that layout and the chart with a palette.

use super::mark_colours;
use super::Reading;
use crate::palette::{Palette, Rgb};
use crate::scene::{Anchor, Scene};
use talent_core::catalog::{Chart, ChartText, Plan};
use talent_core::copy;
use talent_core::layout::bars::LegendEntry;
use talent_core::layout::measure::text_width;
use talent_core::layout::text::wrap;
use talent_core::link::url_state::{UrlState, View};
use talent_core::series::whatif;
use talent_core::Lang;

/// Sizes and spacing of the frame, in design pixels.
pub mod size {
    /// Margin around everything.
    pub const PAD: f64 = 24.0;
    /// Space between blocks (title, legend, chart, notes, footer).
    pub const GAP: f64 = 12.0;
    /// Title.
    pub const TITLE: f64 = 20.0;
    /// Line height of the title.
    pub const TITLE_LINE: f64 = 26.0;
    /// Subtitle: what is counted and the sample.
    pub const SUBTITLE: f64 = 14.0;
    /// Line height of the subtitle.
    pub const SUBTITLE_LINE: f64 = 19.0;
    /// Legend, scenario and the site's name.
    pub const BODY: f64 = 13.0;
    /// Line height of the body texts.
    pub const BODY_LINE: f64 = 18.0;
    /// Notes, source, link and date.
    pub const NOTE: f64 = 12.0;
    /// Line height of the small texts.
    pub const NOTE_LINE: f64 = 16.0;
    /// Space between two notes.
    pub const NOTE_GAP: f64 = 4.0;
    /// Side of a legend swatch.
    pub const SWATCH: f64 = 12.0;
    /// From a swatch to its label.
    pub const SWATCH_GAP: f64 = 6.0;
    /// Between legend entries on a row.
    pub const KEY_GAP: f64 = 18.0;
    /// Least room between the site's name and the date on the footer's line.
    pub const FOOT_GAP: f64 = 24.0;
}

pub use talent_core::format::Date;

/// What goes around a chart, in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct Export {
    /// The language of every text.
    pub lang: Lang,
    /// Title, subtitle, notes and source line (an empty subtitle or no notes leave
    /// their room out).
    pub text: ChartText,
    /// What the colours stand for, when the chart does not say it itself ([`legend`]).
    pub legend: Vec<LegendEntry>,
    /// The day of the export, if it is to be written.
    pub date: Option<Date>,
    /// The link to the exported view, if it is to be written.
    pub link: Option<String>,
    /// For a projection: its parameters as (name, value), written under "Scenario, not
    /// forecast".
    pub scenario: Option<Vec<(String, String)>>,
}

impl Export {
    /// What goes around `chart` as `plan` draws it for a reader of `state`, without a
    /// date or a link (the caller adds those it has): the What-if charts carry the
    /// scenario's parameters.
    pub fn of(chart: Chart, plan: &Plan, text: ChartText, state: &UrlState, lang: Lang) -> Export {
        Export {
            lang,
            text,
            legend: legend(plan),
            date: None,
            link: None,
            scenario: (chart.view() == View::WhatIf)
                .then(|| whatif::parameters(&state.scenario, lang)),
        }
    }
}

/// The picture a reader downloads: `plan` as `state` shows it (its highlight and pinned
/// flow, nothing under a pointer) in the frame of `export`.
pub fn exported(plan: &Plan, state: &UrlState, export: &Export, palette: &Palette) -> Scene {
    let reading = Reading {
        focus: None,
        highlight: state.highlight.clone(),
        pinned: state.pin.clone(),
    };
    frame(&super::scene(plan, palette, &reading), export, palette)
}

/// The legend a plan needs in its frame: the series of a bar chart with several (change
/// and parts charts carry their key in their own scene).
pub fn legend(plan: &Plan) -> Vec<LegendEntry> {
    match plan {
        Plan::Bars(p) => p.legend.clone(),
        Plan::Sankey(p) => p.legend.clone(),
        // Change and parts charts draw their key; row charts name their sides in the chart.
        Plan::Change(_) | Plan::Parts(_) | Plan::Rows(_) | Plan::Lines(_) | Plan::Tornado(_) => {
            Vec::new()
        }
    }
}

/// What a line of the frame is, which decides its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The chart's title.
    Title,
    /// What is counted and the sample.
    Subtitle,
    /// "Scenario, not forecast".
    Scenario,
    /// The scenario's parameters.
    Parameters,
    /// A legend entry's label.
    Legend,
    /// A caveat.
    Note,
    /// The source line.
    Source,
    /// The view's link.
    Link,
    /// The site's name.
    Site,
    /// The export date.
    Date,
}

/// One line of text of the frame, vertically centred on `at.1` like every text of a scene.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Anchor point.
    pub at: (f64, f64),
    /// The text.
    pub text: String,
    /// Size in design pixels.
    pub size: f64,
    /// Bold or regular.
    pub bold: bool,
    /// Which end of the text `at.0` is.
    pub anchor: Anchor,
    /// What it is.
    pub role: Role,
}

impl Line {
    /// Left, top, right and bottom of the line as measured: its measured width, one em
    /// tall around its anchor.
    pub fn bounds(&self) -> [f64; 4] {
        let width = text_width(&self.text, self.size, self.bold);
        let left = match self.anchor {
            Anchor::Start => self.at.0,
            Anchor::Middle => self.at.0 - width / 2.0,
            Anchor::End => self.at.0 - width,
        };
        let half = self.size / 2.0;
        [left, self.at.1 - half, left + width, self.at.1 + half]
    }
}

/// Where everything of a frame goes.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Width in design pixels: the chart's and a margin each side.
    pub width: f64,
    /// Height in design pixels.
    pub height: f64,
    /// Top-left corner of the chart.
    pub chart: (f64, f64),
    /// Every line of text.
    pub lines: Vec<Line>,
    /// One swatch per legend entry, in order: left, top, right, bottom.
    pub swatches: Vec<[f64; 4]>,
    /// Height of the rule above the footer.
    pub rule: f64,
}

/// How a block of lines is set.
#[derive(Clone, Copy)]
struct Set {
    size: f64,
    line: f64,
    bold: bool,
}

const TITLE: Set = Set {
    size: size::TITLE,
    line: size::TITLE_LINE,
    bold: true,
};
const SUBTITLE: Set = Set {
    size: size::SUBTITLE,
    line: size::SUBTITLE_LINE,
    bold: false,
};
const BODY: Set = Set {
    size: size::BODY,
    line: size::BODY_LINE,
    bold: false,
};
const STRONG: Set = Set { bold: true, ..BODY };
const SMALL: Set = Set {
    size: size::NOTE,
    line: size::NOTE_LINE,
    bold: false,
};

/// The lines of a frame, all starting at the left margin and no wider than the chart.
struct Column {
    width: f64,
    lines: Vec<Line>,
}

impl Column {
    /// A line anchored at `at`.
    fn line(&mut self, text: &str, at: (f64, f64), anchor: Anchor, set: Set, role: Role) {
        self.lines.push(Line {
            at,
            text: text.to_string(),
            size: set.size,
            bold: set.bold,
            anchor,
            role,
        });
    }

    /// `text` wrapped to the column from `top` down, each line centred in its line
    /// height: returns the bottom of the block.
    fn block(&mut self, text: &str, top: f64, set: Set, role: Role) -> f64 {
        let wrapped = wrap(text, self.width, &|s: &str| {
            text_width(s, set.size, set.bold)
        });
        let n = wrapped.len();
        for (i, text) in wrapped.iter().enumerate() {
            let middle = top + set.line * (i as f64 + 0.5);
            self.line(text, (size::PAD, middle), Anchor::Start, set, role);
        }
        top + set.line * n as f64
    }
}

/// Lays out the frame of a chart of design size `chart` (width, height).
///
/// From the top: title, subtitle, scenario, legend, the chart, notes, source and link,
/// a rule, and the footer with the site's name and the date (on one line when both fit,
/// the date under the name otherwise). Texts wrap to the chart's width; absent ones
/// leave no room.
pub fn layout(export: &Export, chart: (f64, f64)) -> Layout {
    use size::{BODY_LINE, FOOT_GAP, GAP, KEY_GAP, NOTE_GAP, PAD, SWATCH, SWATCH_GAP};
    let lang = export.lang;
    let text = &export.text;
    let mut column = Column {
        width: chart.0,
        lines: Vec::new(),
    };
    let mut swatches = Vec::new();
    let mut y = column.block(&text.title, PAD, TITLE, Role::Title);
    if !text.subtitle.is_empty() {
        y = column.block(&text.subtitle, y, SUBTITLE, Role::Subtitle);
    }
    if let Some(parameters) = &export.scenario {
        let label = copy::EXPORT_FRAME_SCENARIO.get(lang);
        y = column.block(label, y + GAP, STRONG, Role::Scenario);
        let each: Vec<String> = parameters
            .iter()
            .map(|(name, value)| {
                copy::EXPORT_FRAME_PARAMETER.fill(lang, &[("name", name), ("value", value)])
            })
            .collect();
        if !each.is_empty() {
            let joined = each.join(copy::LIST_SEPARATOR.get(lang));
            y = column.block(&joined, y, BODY, Role::Parameters);
        }
    }
    if !export.legend.is_empty() {
        // Entries flow left to right and start a new row when the next one would not fit.
        y += GAP;
        let mut x = PAD;
        for entry in &export.legend {
            let need = SWATCH + SWATCH_GAP + text_width(&entry.label, BODY.size, false);
            if x > PAD && x + need > PAD + column.width {
                x = PAD;
                y += BODY_LINE;
            }
            let middle = y + BODY_LINE / 2.0;
            swatches.push([x, middle - SWATCH / 2.0, x + SWATCH, middle + SWATCH / 2.0]);
            let at = (x + SWATCH + SWATCH_GAP, middle);
            column.line(&entry.label, at, Anchor::Start, BODY, Role::Legend);
            x += need + KEY_GAP;
        }
        y += BODY_LINE;
    }
    let chart_at = (PAD, y + GAP);
    y = chart_at.1 + chart.1 + GAP;
    // Notes, source and link: small lines under the chart, a little apart.
    let source = copy::EXPORT_FRAME_SOURCE.fill(lang, &[("source", &text.source)]);
    let link = export
        .link
        .as_ref()
        .map(|link| copy::EXPORT_FRAME_LINK.fill(lang, &[("link", link)]));
    let small = (text.notes.iter().map(|note| (note, Role::Note)))
        .chain([(&source, Role::Source)])
        .chain(link.iter().map(|link| (link, Role::Link)));
    for (i, (text, role)) in small.enumerate() {
        let top = if i > 0 { y + NOTE_GAP } else { y };
        y = column.block(text, top, SMALL, role);
    }
    let rule = y + GAP;
    let footer = rule + GAP;
    let middle = footer + BODY_LINE / 2.0;
    let mut bottom = footer + BODY_LINE;
    let site = copy::APP_NAME.get(lang);
    column.line(site, (PAD, middle), Anchor::Start, STRONG, Role::Site);
    if let Some(date) = export.date {
        let date = date.exported(lang);
        let room =
            text_width(site, STRONG.size, true) + FOOT_GAP + text_width(&date, SMALL.size, false);
        if room <= column.width {
            let at = (PAD + column.width, middle);
            column.line(&date, at, Anchor::End, SMALL, Role::Date);
        } else {
            bottom = column.block(&date, bottom, SMALL, Role::Date);
        }
    }
    Layout {
        width: chart.0 + 2.0 * PAD,
        height: bottom + PAD,
        chart: chart_at,
        lines: column.lines,
        swatches,
        rule,
    }
}

/// The chart's scene in its export frame, drawn with `palette`.
pub fn frame(chart: &Scene, export: &Export, palette: &Palette) -> Scene {
    let layout = layout(export, (chart.width, chart.height));
    let mut scene = Scene::new(layout.width, layout.height, palette.background);
    scene.place(chart, layout.chart);
    for (swatch, entry) in layout.swatches.iter().zip(&export.legend) {
        let (fill, outline) = mark_colours(palette, entry.style);
        if let Some(fill) = fill {
            scene.fill_rect(*swatch, fill);
        }
        if let Some(outline) = outline {
            scene.stroke_rect(*swatch, outline, 1.5);
        }
    }
    let (x0, x1) = (size::PAD, layout.width - size::PAD);
    scene.line(
        vec![(x0, layout.rule), (x1, layout.rule)],
        palette.grid,
        1.0,
    );
    for line in layout.lines {
        let colour = match line.role {
            Role::Title | Role::Scenario | Role::Legend | Role::Site => palette.text,
            Role::Link => palette.accent,
            Role::Subtitle | Role::Parameters | Role::Note | Role::Source | Role::Date => {
                palette.muted
            }
        };
        scene.text(
            line.at,
            line.text,
            line.size,
            line.bold,
            line.anchor,
            colour,
        );
    }
    scene
}

/// `scene` scaled to fit `width` by `height` device pixels and centred, the rest filled
/// with `background`: the scene to paint and the scale to paint it at. A link preview is
/// a frame letterboxed to 1200 by 630.
///
/// ```
/// use talent_charts::draw::frame::letterbox;
/// use talent_charts::palette::Rgb;
/// use talent_charts::Scene;
/// // A 600 x 200 frame in 1200 x 630: the width limits the scale to 2, so the result is
/// // 600 x 315 design pixels with the frame 57.5 below the top ((315 - 200) / 2).
/// let (scene, scale) = letterbox(&Scene::new(600.0, 200.0, Rgb(0, 0, 0)), 1200.0, 630.0, Rgb(0, 0, 0));
/// assert_eq!((scene.width, scene.height, scale), (600.0, 315.0, 2.0));
/// ```
pub fn letterbox(scene: &Scene, width: f64, height: f64, background: Rgb) -> (Scene, f64) {
    let scale = (width / scene.width).min(height / scene.height);
    let (w, h) = (width / scale, height / scale);
    let mut out = Scene::new(w, h, background);
    out.place(scene, ((w - scene.width) / 2.0, (h - scene.height) / 2.0));
    (out, scale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::{scene, Reading};
    use crate::Theme;
    use talent_core::catalog::Chart;
    use talent_core::layout::width::WidthClass;
    use talent_core::link::url_state::UrlState;
    use talent_core::Dataset;

    fn bare(lang: Lang, title: &str, source: &str) -> Export {
        Export {
            lang,
            text: ChartText {
                title: title.into(),
                subtitle: String::new(),
                notes: Vec::new(),
                source: source.into(),
            },
            legend: Vec::new(),
            date: None,
            link: None,
            scenario: None,
        }
    }

    fn at(layout: &Layout, role: Role) -> Vec<(f64, f64)> {
        layout
            .lines
            .iter()
            .filter(|l| l.role == role)
            .map(|l| l.at)
            .collect()
    }

    #[test]
    fn a_small_frame_is_placed_by_hand() {
        // A 200 x 100 chart: 24 + 200 + 24 = 248 wide.
        let layout = layout(&bare(Lang::En, "Top AI", "AMiner"), (200.0, 100.0));
        assert_eq!(layout.width, 248.0);
        // Title: one line (bold 20 px "Top AI" is 3579 thousandths of an em, 71.6 px),
        // centred in its 26-px line
        // from the top margin: 24 + 13 = 37.
        assert_eq!(at(&layout, Role::Title), [(24.0, 37.0)]);
        // The chart after the title and a gap: 24 + 26 + 12 = 62.
        assert_eq!(layout.chart, (24.0, 62.0));
        // Source after the chart and a gap: 62 + 100 + 12 = 174, centred in 16: 182.
        assert_eq!(at(&layout, Role::Source), [(24.0, 182.0)]);
        let source = layout.lines.iter().find(|l| l.role == Role::Source);
        assert_eq!(source.map(|l| l.text.as_str()), Some("Source: AMiner"));
        // Rule a gap under the source's line: 174 + 16 + 12 = 202.
        assert_eq!(layout.rule, 202.0);
        // Site name a gap under the rule, centred in 18: 202 + 12 + 9 = 223.
        assert_eq!(at(&layout, Role::Site), [(24.0, 223.0)]);
        // Bottom: 214 + 18 + 24 = 256.
        assert_eq!(layout.height, 256.0);
        assert!(layout.swatches.is_empty());
    }

    #[test]
    fn the_date_shares_the_footer_when_it_fits() {
        let mut export = bare(Lang::En, "Top AI", "AMiner");
        export.date = Date::new(2026, 12, 1);
        // 600 wide: "AI Talent Atlas" (bold 13 px, 8275 thousandths: 107.6 px) and
        // "Exported 1 December 2026" (12 px, 13843 thousandths: 166.1 px) fit with 24 px
        // between (297.7 px), so the date ends at the right margin, 24 + 600 = 624,
        // on the site's line (223, as above).
        let wide = layout(&export, (600.0, 100.0));
        assert_eq!(at(&wide, Role::Date), [(624.0, 223.0)]);
        assert_eq!(wide.height, 256.0);
        let date = wide.lines.iter().find(|l| l.role == Role::Date);
        assert_eq!(
            date.map(|l| (l.text.as_str(), l.anchor)),
            Some(("Exported 1 December 2026", Anchor::End))
        );
        // 170 wide: they do not (297.7 > 170): the date goes under
        // the site's 18-px line, centred in 16: 214 + 18 + 8 = 240; bottom
        // 214 + 18 + 16 + 24 = 272.
        let narrow = layout(&export, (170.0, 100.0));
        assert_eq!(at(&narrow, Role::Date), [(24.0, 240.0)]);
        assert_eq!(narrow.height, 272.0);
    }

    #[test]
    fn dates_are_written_in_each_language() {
        let date = Date::new(2026, 12, 1).expect("a date");
        assert_eq!(date.exported(Lang::En), "Exported 1 December 2026");
        assert_eq!(date.exported(Lang::Zh), "2026年12月1日导出");
        assert_eq!(
            Date::new(2027, 3, 9).map(|d| d.exported(Lang::Zh)),
            Some("2027年3月9日导出".to_string())
        );
        assert!(Date::new(2026, 13, 1).is_none());
        assert!(Date::new(2026, 4, 31).is_none());
        assert!(Date::new(2026, 1, 0).is_none());
        // 1900 is not a leap year, 2000 is.
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
    }

    #[test]
    fn legend_entries_flow_onto_rows() {
        use talent_core::layout::bars::MarkStyle;
        use talent_core::series::display::CellKind;
        use talent_core::series::place::Place;
        let style = MarkStyle {
            place: Place::Us,
            step: 0,
            kind: CellKind::Stated,
        };
        let mut export = bare(Lang::En, "Top AI", "AMiner");
        // "Industry" at 13 px: I 295 + n 634 + d 635 + u 634 + s 521 + t 392 + r 411 +
        // y 592 = 4114 thousandths of an em, 53.482 px.
        export.legend = ["Industry", "Academia"]
            .into_iter()
            .map(|label| LegendEntry {
                label: label.into(),
                style,
            })
            .collect();
        // An entry needs 12 + 6 + its label and 18 to the next; "Academia" is A 684 +
        // c 550 + a 613 + d 635 + e 615 + m 974 + i 278 + a 613 = 4962 thousandths,
        // 64.506 px. Both need 71.482 + 18 + 82.506 = 171.988 px: more than 100, less
        // than 300.
        let wide = layout(&export, (300.0, 100.0));
        // Legend row under the title (24 + 26) and a gap: 62, its middle 62 + 9 = 71.
        assert_eq!(wide.swatches[0], [24.0, 65.0, 36.0, 77.0]);
        // The second starts at 24 + 71.482 + 18 = 113.482.
        let second = wide.swatches[1];
        assert!((second[0] - 113.482).abs() < 1e-9, "{second:?}");
        assert_eq!(
            (second[1], second[2] - second[0], second[3]),
            (65.0, 12.0, 77.0)
        );
        // The chart starts after the row and a gap: 62 + 18 + 12 = 92.
        assert_eq!(wide.chart, (24.0, 92.0));
        let narrow = layout(&export, (100.0, 100.0));
        // Second row 18 lower: middle 89.
        assert_eq!(narrow.swatches[1], [24.0, 83.0, 36.0, 95.0]);
        assert_eq!(narrow.chart, (24.0, 110.0));
    }

    fn overlap(a: [f64; 4], b: [f64; 4]) -> bool {
        a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
    }

    /// Every chart of the catalogue with every text the frame can hold, in both
    /// languages, every width class and both themes: no two texts, swatches or the chart
    /// overlap, and all stay inside the margins.
    #[test]
    fn full_frames_never_overlap() {
        let data = Dataset::embedded();
        for chart in Chart::ALL {
            for lang in [Lang::En, Lang::Zh] {
                for class in WidthClass::ALL {
                    let plan = chart
                        .plan(data, &UrlState::default(), lang, class)
                        .expect("plan");
                    let export = Export {
                        lang,
                        text: chart.text(data, lang),
                        legend: legend(&plan),
                        date: Date::new(2026, 12, 1),
                        link: Some(
                            "https://example.org/talent/countries/?v=2&lang=zh&r=0.87".into(),
                        ),
                        scenario: Some(vec![
                            ("US retention".into(), "87%".into()),
                            ("Cohort growth".into(), "4% a year".into()),
                        ]),
                    };
                    let size = plan.size();
                    let layout = layout(&export, size);
                    let name = format!("{} {lang:?} {class:?}", chart.code());
                    let chart_box = [
                        layout.chart.0,
                        layout.chart.1,
                        layout.chart.0 + size.0,
                        layout.chart.1 + size.1,
                    ];
                    let mut boxes: Vec<(String, [f64; 4])> = layout
                        .lines
                        .iter()
                        .map(|l| (l.text.clone(), l.bounds()))
                        .collect();
                    boxes.extend(layout.swatches.iter().map(|s| ("swatch".into(), *s)));
                    boxes.push(("chart".into(), chart_box));
                    boxes.push((
                        "rule".into(),
                        [0.0, layout.rule - 0.5, layout.width, layout.rule + 0.5],
                    ));
                    for (i, (a, ab)) in boxes.iter().enumerate() {
                        let inside = ab[0] >= size::PAD - 1e-9
                            && ab[2] <= layout.width - size::PAD + 1e-9
                            && ab[1] >= size::PAD - 1e-9
                            && ab[3] <= layout.height - size::PAD + 1e-9;
                        assert!(inside || a == "rule", "{name}: {a:?} {ab:?} outside");
                        for (b, bb) in &boxes[i + 1..] {
                            assert!(!overlap(*ab, *bb), "{name}: {a:?} and {b:?} overlap");
                        }
                    }
                    for theme in Theme::ALL {
                        let palette = crate::Palette::of(theme);
                        let chart_scene = scene(&plan, palette, &Reading::default());
                        let framed = frame(&chart_scene, &export, palette);
                        assert_eq!((framed.width, framed.height), (layout.width, layout.height));
                        // The chart's items and the frame's: background, rule, swatches
                        // (a fill each; derived ones an outline too) and lines.
                        assert!(
                            framed.items.len() >= chart_scene.items.len() + 2 + layout.lines.len()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn chinese_frames_wrap_and_label_in_chinese() {
        let data = Dataset::embedded();
        let mut export = bare(Lang::Zh, "", "");
        export.text = Chart::FindingOrigin.text(data, Lang::Zh);
        export.scenario = Some(vec![("美国留任率".into(), "87%".into())]);
        let layout = layout(&export, (340.0, 142.0));
        let text = |role: Role| -> Vec<String> {
            layout
                .lines
                .iter()
                .filter(|l| l.role == role)
                .map(|l| l.text.clone())
                .collect()
        };
        assert_eq!(text(Role::Scenario), ["情景推演，并非预测"]);
        assert_eq!(text(Role::Parameters), ["美国留任率：87%"]);
        assert!(text(Role::Source)[0].starts_with("来源："));
        assert_eq!(text(Role::Site), ["全球AI人才图谱"]);
        // The subtitle is longer than 340 px: wrapped into lines that each fit.
        let subtitle = text(Role::Subtitle);
        assert!(subtitle.len() >= 2, "{subtitle:?}");
        let squeeze = |s: &str| s.replace(' ', "");
        assert_eq!(squeeze(&subtitle.concat()), squeeze(&export.text.subtitle));
        for line in &subtitle {
            assert!(text_width(line, size::SUBTITLE, false) <= 340.0, "{line}");
        }
    }
}
