//! Display names of the regions, sectors and groups the charts use, in every language.

use crate::Lang;

/// (key, English, Chinese). Keys are stable: they appear in links.
const REGIONS: &[(&str, &str, &str)] = &[
    ("us", "United States", "美国"),
    ("cn", "China", "中国"),
    ("ca", "Canada", "加拿大"),
    ("uk", "United Kingdom", "英国"),
    ("eu", "Europe (excl. UK)", "欧洲（不含英国）"),
    ("in", "India", "印度"),
    ("ir", "Iran", "伊朗"),
    ("il", "Israel", "以色列"),
    ("fr", "France", "法国"),
    ("kr", "South Korea", "韩国"),
    ("ru", "Russia", "俄罗斯"),
    ("other", "Other", "其他"),
    ("other_incl_ca", "Canada and all others", "加拿大及其他国家"),
];

/// The display name of a region key, or the key itself when unknown.
///
/// ```
/// use talent_core::{labels::region, Lang};
/// assert_eq!(region("cn", Lang::Zh), "中国");
/// ```
pub fn region(key: &str, lang: Lang) -> &str {
    REGIONS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or(key, |(_, en, zh)| match lang {
            Lang::En => en,
            Lang::Zh => zh,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_named_in_both_languages() {
        for (i, (key, en, zh)) in REGIONS.iter().enumerate() {
            assert!(!en.is_empty() && !zh.is_empty(), "{key}");
            assert!(
                REGIONS[i + 1..].iter().all(|(k, _, _)| k != key),
                "duplicate {key}"
            );
        }
        assert_eq!(region("nowhere", Lang::En), "nowhere");
    }
}
