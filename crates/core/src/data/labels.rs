//! Display names of the regions, sectors, series and groups the charts use, in every language.

use crate::Lang;

/// (key, English, Chinese). Keys are stable: they appear in links.
const LABELS: &[(&str, &str, &str)] = &[
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
    ("de", "Germany", "德国"),
    ("jp", "Japan", "日本"),
    ("other", "Other", "其他"),
    ("machine_learning", "Machine learning", "机器学习"),
    ("computer_vision", "Computer vision", "计算机视觉"),
    ("nlp", "Natural language processing", "自然语言处理"),
    ("speech", "Speech recognition", "语音识别"),
    ("information_retrieval", "Information retrieval", "信息检索"),
    ("multimedia", "Multimedia", "多媒体"),
    ("robotics", "Robotics", "机器人"),
    ("knowledge_engineering", "Knowledge engineering", "知识工程"),
    ("hci", "Human-computer interaction", "人机交互"),
    ("data_mining", "Data mining", "数据挖掘"),
    ("subfields", "Subfields", "子领域"),
    ("other_incl_ca", "Canada and all others", "加拿大及其他国家"),
    ("scholars", "Scholars", "学者"),
    ("industry", "Industry", "产业界"),
    ("academia", "Academia", "学术界"),
    ("unplaced", "Not placed by the source", "原文未说明"),
    (
        "origin",
        "Origin (undergraduate country)",
        "来源（本科所在国）",
    ),
    ("work", "Work (employer's country)", "工作（雇主所在国）"),
    ("y2019", "2019", "2019年"),
    ("y2020", "2020", "2020年"),
    ("y2021", "2021", "2021年"),
    ("y2022", "2022", "2022年"),
    ("y2023", "2023", "2023年"),
    ("researchers", "AI researchers", "AI研究人员"),
    ("cn_2015", "China, 2015 (ITPO)", "中国，2015年（ITPO）"),
    ("cn_2024", "China, 2024 (ITPO)", "中国，2024年（ITPO）"),
    (
        "us_2024",
        "United States, 2024 (ITPO)",
        "美国，2024年（ITPO）",
    ),
    (
        "cn_2024_ds",
        "China, 2024 (Digital Science, active)",
        "中国，2024年（Digital Science，活跃）",
    ),
];

/// The display name of a key, or the key itself when unknown.
///
/// ```
/// use talent_core::{data::labels::label, Lang};
/// assert_eq!(label("cn", Lang::Zh), "中国");
/// ```
pub fn label(key: &str, lang: Lang) -> &str {
    LABELS
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
        for (i, (key, en, zh)) in LABELS.iter().enumerate() {
            assert!(!en.is_empty() && !zh.is_empty(), "{key}");
            assert!(
                LABELS[i + 1..].iter().all(|(k, _, _)| k != key),
                "duplicate {key}"
            );
        }
        assert_eq!(label("nowhere", Lang::En), "nowhere");
    }
}
