//! Line breaking for chart labels (Latin words stay whole, CJK breaks between characters,
//! closing punctuation stays with what it closes) and spreading of labels that collide.

/// Which point of a line of text its `x` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// `x` is the left end.
    Start,
    /// `x` is the centre.
    Middle,
    /// `x` is the right end.
    End,
}

/// One line of text placed on a chart, vertically centred on `y`. A run anchored at its
/// end or middle stays flush or centred whatever font a browser sets it in.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    /// Where the run is anchored.
    pub x: f64,
    /// Vertical centre.
    pub y: f64,
    /// Which point of the run `x` is.
    pub anchor: Anchor,
    /// The text.
    pub text: String,
    /// Size in design pixels.
    pub size: f64,
    /// Bold or regular.
    pub bold: bool,
}

/// True for characters a line may break before and after (CJK punctuation, kana and
/// ideographs from U+2E80, compatibility ideographs and full-width forms).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FFEF}')
}

/// Punctuation that must not start a line.
fn no_break_before(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '：'
            | '；'
            | '）'
            | '」'
            | '』'
            | '！'
            | '？'
            | ')'
            | ','
            | '.'
            | ':'
            | ';'
    )
}

/// Punctuation that must not end a line.
fn no_break_after(c: char) -> bool {
    matches!(c, '（' | '「' | '『' | '(')
}

/// A Chinese unit or measure word that stays on the line of the number before it
/// (`2022年`, `867名`, `18个百分点`).
fn unit_after_number(c: char) -> bool {
    "年月日个名位人万亿倍岁篇项次家所".contains(c)
}

/// Unbreakable pieces of a text, each with whether a space came before it.
fn atoms(text: &str) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut space = false;
    // Whether the last atom may still grow (a Latin word being read).
    let mut open = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            open = false;
            continue;
        }
        let glue = match out.last() {
            Some((last, _)) => {
                let prev = last.chars().last().unwrap_or(' ');
                !space
                    && ((open && !is_cjk(c))
                        || no_break_before(c)
                        || no_break_after(prev)
                        || (prev.is_ascii_digit() && unit_after_number(c)))
            }
            None => false,
        };
        if glue {
            if let Some((last, _)) = out.last_mut() {
                last.push(c);
            }
        } else {
            out.push((c.to_string(), space));
        }
        space = false;
        // A Latin word continues until a space, a CJK character or a break-after mark.
        open = !is_cjk(c) && !matches!(c, '/' | '→' | '-' | '–' | '—');
    }
    out
}

/// Wraps `text` into lines no wider than `max_width` as measured by `measure`: at spaces,
/// between CJK characters and after `/`, `→` and dashes; never before closing or after
/// opening punctuation. A word wider than a line is split between characters.
///
/// ```
/// use talent_core::layout::text::wrap;
/// let six = |s: &str| s.chars().count() as f64 * 6.0;
/// assert_eq!(wrap("US university professors", 60.0, &six), ["US", "university", "professors"]);
/// // A year keeps its 年: the line breaks before the number instead.
/// assert_eq!(wrap("样本量675；2022年样本量867", 60.0, &six), ["样本量675；", "2022年样本量", "867"]);
/// ```
pub fn wrap(text: &str, max_width: f64, measure: &dyn Fn(&str) -> f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for (atom, space) in atoms(text) {
        let joined = if line.is_empty() {
            atom.clone()
        } else if space {
            format!("{line} {atom}")
        } else {
            format!("{line}{atom}")
        };
        if measure(&joined) <= max_width || line.is_empty() && measure(&atom) <= max_width {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if measure(&atom) <= max_width {
            line = atom;
            continue;
        }
        // Too wide for any line: split between characters.
        for c in atom.chars() {
            let longer = format!("{line}{c}");
            if measure(&longer) > max_width && !line.is_empty() {
                lines.push(std::mem::replace(&mut line, c.to_string()));
            } else {
                line = longer;
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Tops for boxes of `heights` that want to be centred on `wanted`, no two closer than
/// `gap`, all inside `[lo, hi]` when they fit (otherwise they start at `lo` and run past
/// `hi`). Boxes keep the order of their wanted centres; overlapping ones are merged into
/// clusters centred on the mean of what their members want, so each moves as little as
/// it can (least squares within a cluster). Returned in input order.
///
/// ```
/// use talent_core::layout::text::spread;
/// // Three 10-px boxes wanting 50, 52, 54 with 2-px gaps form one 34-px cluster
/// // centred on their mean 52: tops 35, 47, 59.
/// assert_eq!(spread(&[50.0, 52.0, 54.0], &[10.0; 3], 2.0, 0.0, 100.0), [35.0, 47.0, 59.0]);
/// ```
pub fn spread(wanted: &[f64], heights: &[f64], gap: f64, lo: f64, hi: f64) -> Vec<f64> {
    struct Cluster {
        members: Vec<usize>,
        height: f64,
        /// Sum over members of the top the cluster would need for that member to sit
        /// exactly where it wants.
        sum: f64,
        top: f64,
    }
    let clamp = |top: f64, height: f64| top.min(hi - height).max(lo);
    let order = crate::order::stable_order(wanted.len().min(heights.len()), &|a, b| {
        wanted[a].total_cmp(&wanted[b])
    });
    let mut clusters: Vec<Cluster> = Vec::new();
    for i in order {
        let ideal = wanted[i] - heights[i] / 2.0;
        clusters.push(Cluster {
            members: vec![i],
            height: heights[i],
            sum: ideal,
            top: clamp(ideal, heights[i]),
        });
        while clusters.len() >= 2 {
            let n = clusters.len();
            let (prev, last) = (&clusters[n - 2], &clusters[n - 1]);
            if prev.top + prev.height + gap <= last.top {
                break;
            }
            let Some(last) = clusters.pop() else { break };
            let Some(prev) = clusters.last_mut() else {
                break;
            };
            let offset = prev.height + gap;
            prev.sum += last.sum - offset * last.members.len() as f64;
            prev.height += gap + last.height;
            prev.members.extend(last.members);
            prev.top = clamp(prev.sum / prev.members.len() as f64, prev.height);
        }
    }
    let mut tops = vec![0.0; wanted.len().min(heights.len())];
    for cluster in clusters {
        let mut y = cluster.top;
        for i in cluster.members {
            tops[i] = y;
            y += heights[i] + gap;
        }
    }
    tops
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 6 px per Latin character, 12 px per CJK character; bold adds 10%.
    fn fake(text: &str, size: f64, bold: bool) -> f64 {
        let per: f64 = text
            .chars()
            .map(|c| if is_cjk(c) { 1.0 } else { 0.55 })
            .sum();
        per * size * if bold { 1.1 } else { 1.0 }
    }

    fn six(text: &str) -> f64 {
        text.chars().count() as f64 * 6.0
    }

    #[test]
    fn wrapping_breaks_at_spaces_cjk_and_slashes() {
        // 6 px per character, 60 px lines: "US university" is 13 characters = 78 px.
        assert_eq!(
            wrap("US university professors", 60.0, &six),
            ["US", "university", "professors"]
        );
        assert_eq!(
            wrap("At US institutions", 200.0, &six),
            ["At US institutions"]
        );
        // CJK breaks anywhere: 3 characters (36 px) per 40-px line at 12 px each.
        let cjk = |s: &str| fake(s, 12.0 / 0.55 * 0.55, false);
        assert_eq!(cjk("美"), 12.0);
        assert_eq!(wrap("美国大学教授", 40.0, &cjk), ["美国大", "学教授"]);
        // Closing punctuation stays with the character before it: "国，" is one piece.
        assert_eq!(wrap("中国，美国", 36.0, &cjk), ["中国，", "美国"]);
        // A slash is a break opportunity: "PhD/postdoc" -> "PhD/" + "postdoc".
        assert_eq!(wrap("PhD/postdoc", 48.0, &six), ["PhD/", "postdoc"]);
        // A word wider than the line is split between characters (5 per 30-px line).
        assert_eq!(wrap("abcdefghijkl", 30.0, &six), ["abcde", "fghij", "kl"]);
        assert!(wrap("", 30.0, &six).is_empty());
        // Mixed text: Latin words stay whole next to CJK characters.
        assert_eq!(wrap("在美 PhD", 100.0, &cjk), ["在美 PhD"]);
    }

    #[test]
    fn spreading_centres_clusters_and_respects_bounds() {
        // Hand-worked in the doc example: tops 35, 47, 59.
        assert_eq!(
            spread(&[50.0, 52.0, 54.0], &[10.0; 3], 2.0, 0.0, 100.0),
            [35.0, 47.0, 59.0]
        );
        // Far apart: nobody moves (tops = centre - 5).
        assert_eq!(
            spread(&[10.0, 50.0], &[10.0; 2], 2.0, 0.0, 100.0),
            [5.0, 45.0]
        );
        // Near the bottom: the pair wanting 95 and 97 would need tops 90 and 80
        // (mean 85), but the cluster is 22 tall, so its top is clamped to 100 - 22 = 78.
        assert_eq!(
            spread(&[95.0, 97.0], &[10.0; 2], 2.0, 0.0, 100.0),
            [78.0, 90.0]
        );
        // Input order does not matter: the box wanting 97 is still the lower one.
        assert_eq!(
            spread(&[97.0, 95.0], &[10.0; 2], 2.0, 0.0, 100.0),
            [90.0, 78.0]
        );
        // Clamping a cluster up makes it meet the one above, and they merge: wanted
        // 80 (h 10) and 95, 97 -> all three in one 34-px cluster at 100 - 34 = 66.
        assert_eq!(
            spread(&[80.0, 95.0, 97.0], &[10.0; 3], 2.0, 0.0, 100.0),
            [66.0, 78.0, 90.0]
        );
        // At the top edge: wanted 0 with height 10 starts at 0, not -5.
        assert_eq!(spread(&[0.0], &[10.0], 2.0, 0.0, 100.0), [0.0]);
    }
}
