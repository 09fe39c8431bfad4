//! The typography and wording rules of reader text, written once.
//!
//! `build.rs` includes this file (`#[path]`) and checks every reader text of the data pack
//! with it, so a text that breaks a rule fails the build; tests and UI code call the same
//! functions on their own strings:
//!
//! - [`chinese_problems`]: a Simplified-Chinese text against the typography rules of the
//!   project (full-width punctuation, no spaces around Chinese, grouped thousands,
//!   `2024年4月12日`, `个百分点`, `（样本量：100）`, ...), the glossary's rejected terms and
//!   internal identifiers;
//! - [`english_problems`]: an English text against internal identifiers (seed numbers,
//!   discrepancy and not-found ids, fact ids), which must never reach a reader.
//!
//! The rules work on characters, with no regular-expression engine, so that the wasm
//! build can link them at no cost when UI code checks its own strings in tests.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One broken rule in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The rule.
    pub rule: Rule,
    /// Where, in characters from the start of the text.
    pub at: usize,
    /// The characters around the problem, as found.
    pub found: String,
}

/// The rules a reader text can break.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Half-width `,.:;()?!` next to Chinese: use `，。：；（）？！`.
    HalfWidthPunctuation,
    /// A straight quote `"` (or `'` next to Chinese): use `“”` and `‘’`.
    StraightQuote,
    /// A space next to a Chinese character or full-width punctuation.
    Space,
    /// Five or more digits without thousands separators, or groups not of three.
    UngroupedThousands,
    /// Full-width digits, letters or `％`, or a full-width comma inside a number.
    FullWidthLatinOrDigit,
    /// `pp` or `百分点` without `个`: write `18个百分点`.
    PercentagePoints,
    /// A date not written `2024年4月12日` (ISO dates, English months, leading zeros).
    DateFormat,
    /// A range of years with a hyphen (`2015-2024`): write `2015—2024年`.
    RangeDash,
    /// An ASCII `~`: write `约` (about) or `～` (a range).
    Tilde,
    /// An ASCII arrow `->` or `=>`: write `→` or say it in words.
    Arrow,
    /// `n = 100`: write `（样本量：100）`.
    SampleSize,
    /// An opening `（“《` without its closing mark, or the reverse.
    Unbalanced,
    /// No Chinese character or full-width punctuation at all: an untranslated text.
    NoChinese,
    /// `200k`, `6x`, `926M`: write `20万`, `6倍`, `9.26亿`.
    LatinAbbreviation,
    /// `23.2%每年`: write `每年增长23.2%`.
    RateOrder,
    /// A seed number, a discrepancy or not-found id, or a snake_case key.
    InternalIdentifier,
    /// A term the glossary rejects.
    RejectedTerm {
        /// The variant found.
        variant: String,
        /// The term to use instead.
        preferred: String,
    },
}

impl Rule {
    /// What to do instead, for build messages and test failures.
    pub fn advice(&self) -> String {
        match self {
            Self::HalfWidthPunctuation => {
                "half-width punctuation next to Chinese: use ，。：；（）？！".into()
            }
            Self::StraightQuote => "straight quote: use “” or ‘’".into(),
            Self::Space => "space next to Chinese or full-width punctuation".into(),
            Self::UngroupedThousands => "group thousands with commas: 52,000".into(),
            Self::FullWidthLatinOrDigit => {
                "full-width digit, letter or ％: use 0-9, a-z and %".into()
            }
            Self::PercentagePoints => "percentage points are written 18个百分点".into(),
            Self::DateFormat => "dates are written 2024年4月12日".into(),
            Self::RangeDash => "a range of years is written 2015—2024年".into(),
            Self::Tilde => "ASCII ~: write 约 (about) or ～ (a range)".into(),
            Self::Arrow => "ASCII arrow: write → or say it in words".into(),
            Self::SampleSize => "sample sizes are written （样本量：100）".into(),
            Self::Unbalanced => "unbalanced （）, “” or 《》".into(),
            Self::NoChinese => "no Chinese in a Chinese text".into(),
            Self::LatinAbbreviation => "Latin abbreviation of a number: write 20万, 6倍".into(),
            Self::RateOrder => "a yearly rate is written 每年增长23.2%".into(),
            Self::InternalIdentifier => "internal identifier in reader text".into(),
            Self::RejectedTerm { variant, preferred } => {
                format!("rejected term «{variant}»: use {preferred}")
            }
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at «{}»)", self.rule.advice(), self.found)
    }
}

/// One concept of the glossary (`data/glossary.toml`): the Chinese term the app uses for
/// it, and the variants it must not use.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The English term.
    pub en: String,
    /// The Chinese term.
    pub zh: String,
    /// A shorter Chinese form for charts, if there is one.
    #[serde(default)]
    pub short: Option<String>,
    /// Variants a Chinese text must not use for this concept.
    #[serde(default)]
    pub reject: Vec<String>,
    /// Longer words that contain a rejected variant but mean something else
    /// (`数据库` contains `库`).
    #[serde(default)]
    pub allow: Vec<String>,
    /// Why, in one line.
    pub why: String,
}

/// The glossary: one Chinese term per concept.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Glossary {
    /// The terms, in file order.
    pub terms: Vec<Term>,
}

impl Glossary {
    /// The rejected terms a Chinese text uses.
    ///
    /// An occurrence is not a use, and is not reported, when it lies inside Chinese quotes
    /// (`“中国籍”` quotes the word a source wrote), inside a term the glossary prefers
    /// (`顶尖层` inside `顶尖层级`), or inside one of the term's `allow` words (`数据库`).
    /// A Latin variant (`pp`) counts only as a whole word.
    pub fn problems(&self, zh: &str) -> Vec<Problem> {
        let chars: Vec<char> = zh.chars().collect();
        let quoted = quoted_spans(&chars, '“', '”');
        let preferred: Vec<(usize, usize)> = self
            .terms
            .iter()
            .flat_map(|t| std::iter::once(&t.zh).chain(&t.short))
            .flat_map(|word| occurrences(&chars, word))
            .collect();
        let mut problems = Vec::new();
        for term in &self.terms {
            let allowed: Vec<(usize, usize)> = term
                .allow
                .iter()
                .flat_map(|word| occurrences(&chars, word))
                .collect();
            for variant in &term.reject {
                let latin = variant.chars().all(|c| c.is_ascii_alphanumeric());
                for (start, end) in occurrences(&chars, variant) {
                    let inside = |spans: &[(usize, usize)]| {
                        spans.iter().any(|&(s, e)| s <= start && end <= e)
                    };
                    let letter_before = start > 0 && chars[start - 1].is_ascii_alphabetic();
                    let letter_after = chars.get(end).is_some_and(char::is_ascii_alphabetic);
                    let whole_word = !latin || !(letter_before || letter_after);
                    if whole_word && !inside(&quoted) && !inside(&preferred) && !inside(&allowed) {
                        problems.push(Problem {
                            rule: Rule::RejectedTerm {
                                variant: variant.clone(),
                                preferred: term.zh.clone(),
                            },
                            at: start,
                            found: excerpt(&chars, start, end),
                        });
                    }
                }
            }
        }
        problems.sort_by_key(|p| p.at);
        problems
    }
}

impl Glossary {
    /// What is wrong with the glossary itself: an empty field, an English term listed
    /// twice, a Chinese term that breaks the typography rules, a variant one term rejects
    /// and another prefers.
    pub fn inconsistencies(&self) -> Vec<String> {
        let preferred: Vec<&String> = self
            .terms
            .iter()
            .flat_map(|t| std::iter::once(&t.zh).chain(&t.short))
            .collect();
        let mut problems = Vec::new();
        for (i, term) in self.terms.iter().enumerate() {
            let at = format!("term `{}`", term.en);
            if term.en.trim().is_empty() || term.zh.trim().is_empty() || term.why.trim().is_empty()
            {
                problems.push(format!(
                    "{at} (number {}) has an empty en, zh or why",
                    i + 1
                ));
            }
            if self.terms[..i].iter().any(|t| t.en == term.en) {
                problems.push(format!("{at} is listed twice"));
            }
            for zh in std::iter::once(&term.zh).chain(&term.short) {
                for problem in chinese_problems(zh, &Glossary::default()) {
                    problems.push(format!("{at}: «{zh}»: {problem}"));
                }
            }
            for variant in &term.reject {
                if variant.trim().is_empty() {
                    problems.push(format!("{at} rejects an empty variant"));
                } else if preferred.contains(&variant) {
                    problems.push(format!("{at} rejects «{variant}», which a term prefers"));
                }
            }
        }
        problems
    }
}

/// Every problem of a Simplified-Chinese reader text: typography, internal identifiers
/// and the glossary's rejected terms.
///
/// ```
/// use talent_core::data::typography::{chinese_problems, Glossary, Rule};
/// let none = Glossary::default();
/// assert!(chinese_problems("2024年，中国有52,000名AI研究人员。", &none).is_empty());
/// let problems = chinese_problems("2024 年,中国有52000名AI研究人员.", &none);
/// let rules: Vec<Rule> = problems.into_iter().map(|p| p.rule).collect();
/// assert_eq!(
///     rules,
///     [Rule::Space, Rule::HalfWidthPunctuation, Rule::UngroupedThousands, Rule::HalfWidthPunctuation]
/// );
/// ```
pub fn chinese_problems(text: &str, glossary: &Glossary) -> Vec<Problem> {
    let chars = mask_links(text.chars().collect());
    let mut found = Found::new(&chars);
    if !chars.iter().copied().any(is_chinese) {
        found.add(Rule::NoChinese, 0, chars.len());
    }
    punctuation(&mut found);
    spaces(&mut found);
    numbers(&mut found);
    dates(&mut found);
    balance(&mut found);
    let mut problems = found.problems;
    problems.extend(english_problems(text));
    problems.extend(glossary.problems(text));
    problems.sort_by_key(|p| p.at);
    problems
}

/// `chars` with each link (`https://…`, `http://…`, `./…`, `../…`, up to a space or a
/// non-ASCII character) replaced by as many `u`s: a link is an address, not prose, and
/// its `.`, `/` and `?` are not punctuation.
///
/// ```
/// use talent_core::data::typography::chinese_problems;
/// use talent_core::data::typography::Glossary;
/// let text = "见“国家”，https://example.org/zh/countries/?v=2（访问日期：2026年12月1日）。";
/// assert!(chinese_problems(text, Glossary::embedded()).is_empty());
/// ```
fn mask_links(mut chars: Vec<char>) -> Vec<char> {
    const STARTS: [&str; 4] = ["https://", "http://", "../", "./"];
    let mut i = 0;
    while i < chars.len() {
        let at_word_start = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
        let starts = STARTS.iter().any(|s| {
            s.chars()
                .enumerate()
                .all(|(k, c)| chars.get(i + k) == Some(&c))
        });
        if at_word_start && starts {
            while i < chars.len() && chars[i].is_ascii() && !chars[i].is_ascii_whitespace() {
                chars[i] = 'u';
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    chars
}

/// The internal identifiers in a reader text (English, or Chinese too): seed numbers
/// (`seed 000`, `种子000`), discrepancy ids (`d13`, `d02_...`), not-found ids (`nf01`) and
/// snake_case keys such as fact ids (`mp19_origin_share_china`).
///
/// ```
/// use talent_core::data::typography::english_problems;
/// assert!(english_problems("MacroPolo's 2019 sample of 675 authors (Table 1, row 12)").is_empty());
/// assert_eq!(english_problems("as seed 000 says (see d02_us_industry_two_thirds)").len(), 2);
/// ```
pub fn english_problems(text: &str) -> Vec<Problem> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Found::new(&chars);
    let n = chars.len();
    let alnum = |i: usize| chars.get(i).is_some_and(char::is_ascii_alphanumeric);
    let digits_at = |i: usize, count: usize| {
        i + count <= n && chars[i..i + count].iter().all(char::is_ascii_digit)
    };
    let mut i = 0;
    while i < n {
        let word_start = i == 0 || !alnum(i - 1);
        // A snake_case key: letters or digits on both sides of an underscore.
        if chars[i] == '_' && i > 0 && alnum(i - 1) && alnum(i + 1) {
            let start = (0..i).rev().take_while(|&j| alnum(j)).last().unwrap_or(i);
            let mut end = i + 1;
            while end < n && (alnum(end) || chars[end] == '_') {
                end += 1;
            }
            found.add(Rule::InternalIdentifier, start, end);
            i = end;
            continue;
        }
        // `seed 000`, `Seeds 001`.
        if word_start && starts_with_ignore_case(&chars[i..], "seed") {
            let mut j = i + 4;
            if chars.get(j).is_some_and(|c| *c == 's' || *c == 'S') {
                j += 1;
            }
            while chars.get(j) == Some(&' ') {
                j += 1;
            }
            if digits_at(j, 3) && !alnum(j + 3) {
                found.add(Rule::InternalIdentifier, i, j + 3);
            }
        }
        // `种子000`, `种子文件 001`.
        if chars[i] == '种' && chars.get(i + 1) == Some(&'子') {
            let mut j = i + 2;
            if matches!(chars.get(j..j + 2), Some(['文', '件' | '档'])) {
                j += 2;
            }
            while chars.get(j) == Some(&' ') {
                j += 1;
            }
            if digits_at(j, 3) {
                found.add(Rule::InternalIdentifier, i, j + 3);
            }
        }
        // `d13` as a word (`d02_...` is a snake_case key, found above), `nf01` at the
        // start of a word.
        let word_end = |j: usize| !alnum(j) && chars.get(j) != Some(&'_');
        if word_start && chars[i] == 'd' && digits_at(i + 1, 2) && word_end(i + 3) {
            found.add(Rule::InternalIdentifier, i, i + 3);
        }
        if word_start && chars[i] == 'n' && chars.get(i + 1) == Some(&'f') && digits_at(i + 2, 2) {
            found.add(Rule::InternalIdentifier, i, i + 4);
        }
        i += 1;
    }
    found.problems
}

/// A Chinese character (CJK unified ideographs and their extensions).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Full-width punctuation as Chinese prose uses it.
pub fn is_full_width_punctuation(c: char) -> bool {
    "，。：；（）“”‘’、？！《》「」『』【】…—～·".contains(c)
}

/// A Chinese character or full-width punctuation.
fn is_chinese(c: char) -> bool {
    is_cjk(c) || is_full_width_punctuation(c)
}

/// Problems found so far in one text.
struct Found<'a> {
    chars: &'a [char],
    problems: Vec<Problem>,
}

impl<'a> Found<'a> {
    fn new(chars: &'a [char]) -> Self {
        Found {
            chars,
            problems: Vec::new(),
        }
    }

    fn add(&mut self, rule: Rule, start: usize, end: usize) {
        let found = excerpt(self.chars, start, end);
        self.problems.push(Problem {
            rule,
            at: start,
            found,
        });
    }

    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    /// The nearest character before `i` that is not a space.
    fn before(&self, i: usize) -> Option<char> {
        self.chars[..i].iter().rev().copied().find(|c| *c != ' ')
    }

    /// The nearest character after `i` that is not a space.
    fn after(&self, i: usize) -> Option<char> {
        self.chars.get(i + 1..)?.iter().copied().find(|c| *c != ' ')
    }
}

/// Half-width punctuation next to Chinese, straight quotes, ASCII tildes and arrows.
fn punctuation(found: &mut Found<'_>) {
    // A title in its own Latin script keeps its own punctuation: 《Who Stays?》.
    let latin_titles: Vec<(usize, usize)> = quoted_spans(found.chars, '《', '》')
        .into_iter()
        .filter(|&(s, e)| !found.chars[s..e].iter().copied().any(is_cjk))
        .collect();
    for i in 0..found.chars.len() {
        let c = found.chars[i];
        if latin_titles.iter().any(|&(s, e)| s < i && i + 1 < e) {
            continue;
        }
        let chinese_before = found.before(i).is_some_and(is_chinese);
        let chinese_after = found.after(i).is_some_and(is_chinese);
        let rule = match c {
            ',' | ':' | ';' | '(' | ')' | '?' | '!' if chinese_before || chinese_after => {
                Some(Rule::HalfWidthPunctuation)
            }
            // A full stop after Chinese; `No.5` and `57.7` are not.
            '.' if chinese_before => Some(Rule::HalfWidthPunctuation),
            '"' => Some(Rule::StraightQuote),
            '\'' if chinese_before || chinese_after => Some(Rule::StraightQuote),
            '~' => Some(Rule::Tilde),
            '-' | '=' if found.at(i + 1) == Some('>') => Some(Rule::Arrow),
            _ => None,
        };
        if let Some(rule) = rule {
            found.add(rule, i, i + 1);
        }
    }
}

/// Spaces next to Chinese characters or full-width punctuation, and ideographic spaces.
fn spaces(found: &mut Found<'_>) {
    for i in 0..found.chars.len() {
        let c = found.chars[i];
        let next_to_chinese =
            (i > 0 && is_chinese(found.chars[i - 1])) || found.at(i + 1).is_some_and(is_chinese);
        if c == '\u{3000}' || (c.is_whitespace() && next_to_chinese) {
            found.add(Rule::Space, i, i + 1);
        }
    }
}

/// Thousands, full-width digits, percentage points, sample sizes, Latin abbreviations,
/// rates and year ranges.
fn numbers(found: &mut Found<'_>) {
    let chars = found.chars;
    let n = chars.len();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let letter = |i: usize| chars.get(i).is_some_and(char::is_ascii_alphabetic);
    let mut i = 0;
    while i < n {
        if !digit(i) {
            i += 1;
            continue;
        }
        // One run of ASCII digits, chars[i..end].
        let mut end = i;
        while digit(end) {
            end += 1;
        }
        let len = end - i;
        let before = if i > 0 { Some(chars[i - 1]) } else { None };
        let decimals = before == Some('.') && i >= 2 && digit(i - 2);
        let after_group_comma = before == Some(',') && i >= 2 && digit(i - 2);
        let starts_group = chars.get(end) == Some(&',') && digit(end + 1);
        let in_latin_word = letter(end) || (i > 0 && letter(i - 1));
        if !decimals && !in_latin_word {
            let bad_group = (after_group_comma && len != 3) || (starts_group && len > 3);
            if bad_group || (len >= 5 && !after_group_comma) {
                found.add(Rule::UngroupedThousands, i, end);
            }
        }
        // A range of years: 2015-2024, 2009–2019 (not a date, 2024-04-12).
        if len == 4 && matches!(chars.get(end), Some('-' | '–')) {
            let next = (end + 1..n).take_while(|&j| digit(j)).count();
            let date = matches!(chars.get(end + 1 + next), Some('-' | '/'));
            if matches!(next, 2 | 4) && !date {
                found.add(Rule::RangeDash, i, end + 1 + next);
            }
        }
        // 200k, 6x, 926M.
        if matches!(chars.get(end), Some('k' | 'K' | 'x' | 'X' | 'M'))
            && !chars
                .get(end + 1)
                .is_some_and(|c| c.is_ascii_alphanumeric())
            && !(i > 0 && letter(i - 1))
        {
            found.add(Rule::LatinAbbreviation, i, end + 1);
        }
        i = end;
    }
    for i in 0..n {
        let c = chars[i];
        let full_width = matches!(c as u32, 0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A)
            || c == '％'
            || (matches!(c, '，' | '．') && i > 0 && digit(i - 1) && digit(i + 1));
        if full_width {
            found.add(Rule::FullWidthLatinOrDigit, i, i + 1);
        }
        // 百分点 without 个; `13pp`, `13 pp`.
        if c == '百'
            && chars.get(i + 1..i + 3) == Some(&['分', '点'])
            && (i == 0 || chars[i - 1] != '个')
        {
            found.add(Rule::PercentagePoints, i, i + 3);
        }
        if c == 'p'
            && chars.get(i + 1) == Some(&'p')
            && found.before(i).is_some_and(|b| b.is_ascii_digit())
            && !letter(i + 2)
        {
            found.add(Rule::PercentagePoints, i, i + 2);
        }
        // n = 100, N=1,949.
        if matches!(c, 'n' | 'N') && !(i > 0 && letter(i - 1)) {
            let mut j = i + 1;
            while chars.get(j) == Some(&' ') {
                j += 1;
            }
            if chars.get(j) == Some(&'=') {
                j += 1;
                while chars.get(j) == Some(&' ') {
                    j += 1;
                }
                if digit(j) {
                    found.add(Rule::SampleSize, i, j + 1);
                }
            }
        }
        // 23.2%每年, 23.2%/年.
        if c == '%' && matches!(chars.get(i + 1..i + 3), Some(['每', '年'] | ['/', '年'])) {
            found.add(Rule::RateOrder, i, i + 3);
        }
        // 2024年1月-2025年2月.
        if matches!(c, '年' | '月' | '日')
            && matches!(chars.get(i + 1), Some('-' | '–'))
            && digit(i + 2)
        {
            found.add(Rule::RangeDash, i, i + 3);
        }
    }
}

/// ISO and slashed dates, leading zeros in months and days, English month names outside
/// titles in 《》.
fn dates(found: &mut Found<'_>) {
    let chars = found.chars;
    let n = chars.len();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let run = |i: usize| (i..n).take_while(|&j| digit(j)).count();
    for i in 0..n {
        if digit(i) && (i == 0 || !digit(i - 1)) && run(i) == 4 {
            let sep = chars.get(i + 4).copied();
            if matches!(sep, Some('-' | '/' | '.')) {
                let month = run(i + 5);
                let day_at = i + 5 + month;
                if (1..=2).contains(&month)
                    && chars.get(day_at).copied() == sep
                    && (1..=2).contains(&run(day_at + 1))
                {
                    found.add(Rule::DateFormat, i, day_at + 1 + run(day_at + 1));
                }
            }
        }
        if matches!(chars[i], '年' | '月') && chars.get(i + 1) == Some(&'0') && digit(i + 2) {
            found.add(Rule::DateFormat, i, i + 3);
        }
    }
    const MONTHS: [&str; 21] = [
        "Jan",
        "January",
        "Feb",
        "February",
        "Mar",
        "March",
        "Apr",
        "April",
        "May",
        "Jun",
        "June",
        "Jul",
        "July",
        "Aug",
        "August",
        "Sep",
        "Sept",
        "September",
        "Oct",
        "October",
        "Nov",
    ];
    const MORE_MONTHS: [&str; 3] = ["November", "Dec", "December"];
    let titles = quoted_spans(chars, '《', '》');
    let mut i = 0;
    while i < n {
        if chars[i].is_ascii_alphabetic() && (i == 0 || !chars[i - 1].is_ascii_alphabetic()) {
            let end = (i..n)
                .take_while(|&j| chars[j].is_ascii_alphabetic())
                .last()
                .unwrap_or(i)
                + 1;
            let word: String = chars[i..end].iter().collect();
            let in_title = titles.iter().any(|&(s, e)| s <= i && end <= e);
            if !in_title && MONTHS.iter().chain(&MORE_MONTHS).any(|m| *m == word) {
                found.add(Rule::DateFormat, i, end);
            }
            i = end;
        } else {
            i += 1;
        }
    }
}

/// Every （“《 closed by its own mark, in order.
fn balance(found: &mut Found<'_>) {
    let mut open: Vec<(char, usize)> = Vec::new();
    for i in 0..found.chars.len() {
        let c = found.chars[i];
        let closing = match c {
            '（' | '“' | '《' => {
                open.push((c, i));
                continue;
            }
            '）' => '（',
            '”' => '“',
            '》' => '《',
            _ => continue,
        };
        if open.last().is_some_and(|&(o, _)| o == closing) {
            open.pop();
        } else {
            found.add(Rule::Unbalanced, i, i + 1);
        }
    }
    for (_, i) in open {
        found.add(Rule::Unbalanced, i, i + 1);
    }
}

/// Where `word` occurs in `chars`, as (start, end) character positions.
fn occurrences(chars: &[char], word: &str) -> Vec<(usize, usize)> {
    let word: Vec<char> = word.chars().collect();
    if word.is_empty() || word.len() > chars.len() {
        return Vec::new();
    }
    (0..=chars.len() - word.len())
        .filter(|&i| chars[i..i + word.len()] == word[..])
        .map(|i| (i, i + word.len()))
        .collect()
}

/// The spans between each opening mark and its closing mark, marks included.
fn quoted_spans(chars: &[char], open: char, close: char) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, &c) in chars.iter().enumerate() {
        if c == open {
            start = Some(i);
        } else if c == close {
            if let Some(s) = start.take() {
                spans.push((s, i + 1));
            }
        }
    }
    spans
}

/// A few characters either side of chars[start..end], for messages.
fn excerpt(chars: &[char], start: usize, end: usize) -> String {
    let from = start.saturating_sub(4);
    let to = (end + 4).min(chars.len());
    chars[from..to].iter().collect()
}

fn starts_with_ignore_case(chars: &[char], word: &str) -> bool {
    word.chars().count() <= chars.len()
        && word
            .chars()
            .zip(chars)
            .all(|(w, c)| c.eq_ignore_ascii_case(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str) -> Vec<Rule> {
        chinese_problems(text, &Glossary::default())
            .into_iter()
            .map(|p| p.rule)
            .collect()
    }

    fn glossary() -> Glossary {
        let term = |en: &str, zh: &str, reject: &[&str], allow: &[&str]| Term {
            en: en.into(),
            zh: zh.into(),
            short: None,
            reject: reject.iter().map(|s| (*s).into()).collect(),
            allow: allow.iter().map(|s| (*s).into()).collect(),
            why: String::new(),
        };
        Glossary {
            terms: vec![
                term("top tier", "顶尖层级", &["顶尖层", "顶级层级"], &[]),
                term("pool", "人才群体", &["人才库", "库"], &["数据库"]),
                term("percentage points", "个百分点", &["pp", "百分点数"], &[]),
                term("China-origin", "本科毕业于中国", &["中国籍"], &[]),
            ],
        }
    }

    #[test]
    fn good_chinese_prose_passes() {
        let good = [
            "MacroPolo发布的《全球人工智能人才追踪》显示，2022年顶尖层级研究人员中，本科毕业于中国的占47%。",
            "上海科技发展研究中心《科技发展研究》2024年第5期，2024年4月12日。",
            "（样本量：675）",
            "比2019年上升18个百分点，每年增长23.2%。",
            "2015—2024年，中国AI研究人员从不足1万人增至52,000人。",
            "AI 2000榜单（2020年版）共有2,000个席位。",
            "DeepSeek-V3与R1；GPT-4o的关键贡献者约20%。",
            "41/71 = 57.7%，约为1,428篇中的21.6%。",
            "Matt Sheehan与Sophie Zhuang，《Have Top Chinese AI Researchers Stayed in the United States?》",
            "引自“中国籍”一词。",
            "东壁数据库中的论文；北京−19。",
        ];
        for text in good {
            assert!(
                chinese_problems(text, &glossary()).is_empty(),
                "{text}: {:?}",
                chinese_problems(text, &glossary())
            );
        }
    }

    #[test]
    fn half_width_punctuation_next_to_chinese_is_found() {
        assert_eq!(rules("美国,中国"), [Rule::HalfWidthPunctuation]);
        assert_eq!(rules("比例:57.7%"), [Rule::HalfWidthPunctuation]);
        assert_eq!(
            rules("学者(样本)"),
            [Rule::HalfWidthPunctuation, Rule::HalfWidthPunctuation]
        );
        assert_eq!(rules("研究人员."), [Rule::HalfWidthPunctuation]);
        assert_eq!(rules("是否留美?"), [Rule::HalfWidthPunctuation]);
        // A space in between does not hide it, and is itself wrong.
        assert_eq!(
            rules("研究人员 (样本)"),
            [
                Rule::Space,
                Rule::HalfWidthPunctuation,
                Rule::HalfWidthPunctuation
            ]
        );
        // Between Latin letters or digits half-width is right; next to Chinese it is not.
        assert_eq!(
            rules("NeurIPS 2019 (orals)的作者"),
            [Rule::HalfWidthPunctuation],
            "only the closing parenthesis"
        );
        assert!(rules("共52,000人，合计57.7%，见No.5").is_empty());
        assert!(rules("卡内基《Have Top Chinese AI Researchers Stayed?》一文").is_empty());
    }

    #[test]
    fn straight_quotes_tildes_and_arrows_are_found() {
        assert_eq!(
            rules("所谓\"三分之二\""),
            [Rule::StraightQuote, Rule::StraightQuote]
        );
        assert_eq!(rules("约~20%的学者"), [Rule::Tilde]);
        assert_eq!(rules("2019年->2022年"), [Rule::Arrow]);
    }

    #[test]
    fn spaces_next_to_chinese_are_found() {
        assert_eq!(rules("2024 年"), [Rule::Space]);
        assert_eq!(rules("AI 研究人员"), [Rule::Space]);
        assert_eq!(rules("研究人员 AI"), [Rule::Space]);
        assert_eq!(rules("增长， 达到"), [Rule::Space]);
        assert_eq!(rules("中国\u{3000}美国"), [Rule::Space]);
        assert!(
            rules("AI 2000榜单").is_empty(),
            "Latin and digits keep their space"
        );
    }

    #[test]
    fn numbers_are_grouped_in_thousands() {
        assert_eq!(rules("52000名"), [Rule::UngroupedThousands]);
        assert_eq!(rules("52,00名"), [Rule::UngroupedThousands]);
        assert_eq!(rules("5200,000名"), [Rule::UngroupedThousands]);
        assert!(rules("52,000名，1,000,000名，2024年，3.14159").is_empty());
        assert_eq!(
            rules("５２名"),
            [Rule::FullWidthLatinOrDigit, Rule::FullWidthLatinOrDigit]
        );
        assert_eq!(rules("52，000名"), [Rule::FullWidthLatinOrDigit]);
        assert_eq!(rules("占57.7％"), [Rule::FullWidthLatinOrDigit]);
    }

    #[test]
    fn percentage_points_samples_rates_and_abbreviations_follow_the_style() {
        assert_eq!(rules("上升13百分点"), [Rule::PercentagePoints]);
        assert_eq!(rules("上升13 pp"), [Rule::PercentagePoints]);
        assert_eq!(rules("上升13pp"), [Rule::PercentagePoints]);
        assert_eq!(rules("（样本 n = 100）"), [Rule::Space, Rule::SampleSize]);
        assert_eq!(rules("（n=675）"), [Rule::SampleSize]);
        assert_eq!(rules("增速23.2%每年"), [Rule::RateOrder]);
        assert_eq!(rules("约200k名研究人员"), [Rule::LatinAbbreviation]);
        assert_eq!(rules("是美国的6x"), [Rule::LatinAbbreviation]);
        assert!(rules("GPT-4o与o1、V3、H100").is_empty());
    }

    #[test]
    fn dates_and_ranges_are_written_the_chinese_way() {
        assert_eq!(rules("发布于2024-04-12"), [Rule::DateFormat]);
        assert_eq!(rules("发布于2024/4/12"), [Rule::DateFormat]);
        assert_eq!(rules("2024年04月12日"), [Rule::DateFormat]);
        assert_eq!(rules("发布于Apr 2024"), [Rule::DateFormat]);
        assert_eq!(rules("2015-2024年"), [Rule::RangeDash]);
        assert_eq!(rules("2024年1月-2025年2月"), [Rule::RangeDash]);
        assert!(rules("2024年4月12日；2015—2024年；《State of AI Talent, May》").is_empty());
    }

    #[test]
    fn brackets_and_quotes_must_close() {
        assert_eq!(rules("（样本量：100"), [Rule::Unbalanced]);
        assert_eq!(rules("样本量：100）"), [Rule::Unbalanced]);
        assert_eq!(
            rules("《科技发展研究”"),
            [Rule::Unbalanced, Rule::Unbalanced]
        );
    }

    #[test]
    fn a_text_without_chinese_is_untranslated() {
        assert_eq!(rules("MacroPolo"), [Rule::NoChinese]);
        assert!(rules("MacroPolo（2020）").is_empty());
    }

    #[test]
    fn rejected_terms_are_found_unless_quoted_or_part_of_a_preferred_word() {
        let g = glossary();
        let found = |text: &str| -> Vec<String> {
            g.problems(text)
                .into_iter()
                .map(|p| match p.rule {
                    Rule::RejectedTerm { preferred, .. } => preferred,
                    other => panic!("{other:?}"),
                })
                .collect()
        };
        assert_eq!(found("顶级层级研究人员"), ["顶尖层级"]);
        assert_eq!(found("顶尖层研究人员"), ["顶尖层级"]);
        assert!(
            found("顶尖层级研究人员").is_empty(),
            "inside the preferred term"
        );
        assert_eq!(
            found("2019年的人才库"),
            ["人才群体", "人才群体"],
            "人才库 and its 库"
        );
        assert!(found("东壁数据库").is_empty(), "an allowed word");
        assert_eq!(found("中国籍研究人员"), ["本科毕业于中国"]);
        assert!(
            found("原文写作“中国籍”。").is_empty(),
            "a quoted word is mentioned, not used"
        );
        assert_eq!(found("上升13pp"), ["个百分点"]);
        assert!(
            found("app的用户").is_empty(),
            "a Latin variant counts only as a word"
        );
    }

    #[test]
    fn internal_identifiers_are_found_in_english_and_chinese() {
        let bad = [
            "as seed 000 says",
            "Seeds 001 and 002",
            "see d13",
            "see d02_us_industry_two_thirds",
            "nf01 was not found",
            "mp19_origin_share_china",
            "aminer_ai2000_editions",
            "000_d00e38d578165ecb.txt",
            "种子000称",
        ];
        for text in bad {
            assert!(!english_problems(text).is_empty(), "{text}");
        }
        let good = [
            "The Shanghai brief, Table 1, row 12",
            "3D models, d-separation, nfl and seeds of doubt",
            "AI 2000 (2020 edition): 1,128 of 1,838 scholars",
            "DeepSeek-V3, R1 and Coder-V2",
        ];
        for text in good {
            assert!(
                english_problems(text).is_empty(),
                "{text}: {:?}",
                english_problems(text)
            );
        }
        assert_eq!(
            rules("上海简报（seed 000）"),
            [Rule::InternalIdentifier],
            "Chinese text is checked for identifiers too"
        );
    }

    #[test]
    fn a_problem_names_the_rule_and_where() {
        let p = &chinese_problems("中国,美国", &Glossary::default())[0];
        assert_eq!(p.at, 2);
        assert_eq!(p.found, "中国,美国");
        assert!(p.to_string().starts_with("half-width punctuation"), "{p}");
    }
}
