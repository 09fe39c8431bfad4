//! Every UI string in every language. Dataset labels come from the data pack.
//!
//! Adding a language means adding a `Lang` variant and one column below: the
//! compiler then points at every string still missing.

pub use talent_core::Lang;

/// Declares a table of UI strings: `messages! { Name { Key => "English", "中文"; ... } }`.
/// Views with many strings of their own declare their own table next to them.
macro_rules! messages {
    ($name:ident { $($key:ident => $en:expr, $zh:expr;)* }) => {
        /// A UI string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name { $($key,)* }

        impl $name {
            /// The string in a language.
            pub fn text(self, lang: $crate::i18n::Lang) -> &'static str {
                match lang {
                    $crate::i18n::Lang::En => match self { $($name::$key => $en,)* },
                    $crate::i18n::Lang::Zh => match self { $($name::$key => $zh,)* },
                }
            }
        }
    };
}

pub(crate) use messages;

messages! { Msg {
    AppName => "AI Talent Atlas", "全球AI人才图谱";
    AppTagline => "Where top AI researchers come from, where they work, and how they move",
        "顶尖AI研究者从哪里来、在哪里工作、如何流动";
    NavLabel => "Views", "视图";
    NavCountries => "Countries", "国家";
    NavSubfields => "Subfields", "子领域";
    NavFlows => "Flows", "流动";
    NavWhatIf => "What-if", "情景推演";
    NavSources => "Sources & method", "来源与方法";
    LanguageLabel => "Language", "语言";
    DarkMode => "Dark mode", "深色模式";
    Table => "Table", "表格";
    DownloadCsv => "Download the numbers as CSV", "下载数据（CSV）";
    DownloadPng => "Download the chart as PNG", "下载图表（PNG）";
    ExportedFrom => "Exported from AI Talent Atlas:", "导出自全球AI人才图谱：";
    Source => "Source", "来源";
    SourcesLink => "Sources & method", "来源与方法";
    NotReported => "not reported", "未报告";
    Derived => "derived", "推算";
    Value => "Value", "数值";
    Category => "Category", "类别";
    Basis => "Basis", "依据";
    LinkProblem => "Part of the link could not be read and was ignored:", "链接中有部分内容无法识别，已忽略：";
    Dismiss => "Dismiss", "关闭";
    ChartKeyboardHint => "Use the arrow keys to move between bars; Esc closes the tooltip.",
        "使用方向键在条形之间移动；按 Esc 关闭提示。";
    UnitScholars => "scholars", "人";
    Top100Title => "Where the world's 100 most influential AI scholars work",
        "全球最具影响力的100位AI学者在哪里工作";
    Top100Subtitle => "AMiner AI 2000 global top 100, by country of current institution, data to Feb 2024",
        "AMiner AI 2000 全球前100名学者，按当前机构所在国家统计，数据截至2024年2月";
    Top100Caveat => "Only the US and China counts are stated; Canada is ranked third without a count, so it is shown as not reported and counted in the remainder, which the app derives.",
        "原文只给出美国和中国的人数；加拿大排名第三但未给出人数，因此标为“未报告”，并计入由本应用推算的其余名额。";
    SourcesIntro => "Every figure in this app comes from the data pack below: its value, unit, year, what was counted, the report, and a confidence grade.",
        "本应用中的每个数字都来自下列数据包：数值、单位、年份、统计对象、出处报告以及可信度等级。";
    Datasets => "Datasets", "数据集";
    Discrepancies => "Discrepancies found in the sources", "来源中发现的不一致之处";
    Figures => "figures", "项数据";
    UnitResearchers => "researchers", "人";
    UnitSubfields => "subfields", "个子领域";
    FewerThan => "under ", "不足";
    MoreThan => "more than ", "超过";
    About => "about ", "约";
    DerivedBy => "derived by the app", "本应用推算";
    NotPublished => "the source does not publish this figure", "来源未公布该数据";
    Series => "Series", "系列";
    AppCheck => "The app's check", "本应用的核查";
    StatedFigure => "Stated:", "原文：";
    AppComputes => "App computes:", "本应用计算：";
    Holds => "✓ holds", "✓ 成立";
    DoesNotHold => "✗ does not hold", "✗ 不成立";
}}
