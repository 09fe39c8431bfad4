//! Files a reader takes away: CSV of exactly the numbers a chart shows, and file names
//! that say what they contain.

/// Quotes a CSV field when it holds a comma, quote or line break (RFC 4180).
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A CSV document: `#` comment lines first (title, source, parameters), then the table.
///
/// ```
/// use talent_core::link::export::csv;
/// let text = csv(&["Title"], &["Country".into(), "Value".into()], &[vec!["US".into(), "71".into()]]);
/// assert_eq!(text, "# Title\r\nCountry,Value\r\nUS,71\r\n");
/// ```
pub fn csv(comments: &[&str], headers: &[String], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for comment in comments {
        for line in comment.lines() {
            out.push_str("# ");
            out.push_str(line);
            out.push_str("\r\n");
        }
    }
    for row in std::iter::once(headers).chain(rows.iter().map(Vec::as_slice)) {
        let cells: Vec<String> = row.iter().map(|c| field(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A file name from an app name, a chart id and qualifiers: lowercase ASCII words
/// joined by `-`, anything else dropped.
///
/// ```
/// use talent_core::link::export::file_name;
/// assert_eq!(file_name(&["ai-talent", "origin", "2022", "Elite"], "csv"), "ai-talent_origin_2022_elite.csv");
/// ```
pub fn file_name(parts: &[&str], extension: &str) -> String {
    let words: Vec<String> = parts
        .iter()
        .map(|p| {
            p.chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect::<String>()
                .to_ascii_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    format!("{}.{extension}", words.join("_"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_fields_that_need_it() {
        let text = csv(
            &["line one\nline two"],
            &["a".into(), "b".into()],
            &[vec!["52,000 researchers".into(), "say \"about\"".into()]],
        );
        assert_eq!(
            text,
            "# line one\r\n# line two\r\na,b\r\n\"52,000 researchers\",\"say \"\"about\"\"\"\r\n"
        );
    }

    #[test]
    fn file_names_drop_what_a_file_system_may_refuse() {
        assert_eq!(file_name(&["a/b", "中文", "x y"], "png"), "ab_xy.png");
    }
}
