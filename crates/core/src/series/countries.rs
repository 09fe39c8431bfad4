//! Series of the Countries view: where top AI talent comes from and where it works.
//!
//! Each function picks facts by id; no figure is written here. Which facts make a
//! chart is listed in small tables so that a reader of the code sees the whole chart.

use crate::model::checks::AI2000_PLACES;
use crate::series::{remainder, stated_group, BarGroup, BarSeries, BarValue, Unit};
use crate::{format, Dataset, Lang};

/// MacroPolo's two populations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum Tier {
    /// Authors of accepted NeurIPS papers (about the top 20%).
    #[default]
    TopTier,
    /// Authors of NeurIPS oral papers: about the top 0.5% in 2019, top 2% in 2022.
    Elite,
}

/// The MacroPolo editions.
pub const MACROPOLO_YEARS: [u16; 2] = [2019, 2022];

/// AMiner AI 2000 global top 100 (2024) by country of current institution.
///
/// # Data
/// Seed 000 states US 71 and China 11 and ranks Canada third without a count
/// (its Figure 1 is an image). The remaining places are derived: 100 − 71 − 11,
/// which includes Canada.
pub fn top100_by_country(data: &Dataset, lang: Lang) -> BarSeries {
    let groups = vec![
        stated_group(data, "us", &["sh24_top100_us_count"]),
        stated_group(data, "cn", &["sh24_top100_china_count"]),
        BarGroup {
            key: "ca".into(),
            cells: vec![BarValue::missing("sh24_top100_canada_rank")],
        },
        BarGroup {
            key: "other_incl_ca".into(),
            cells: vec![remainder(
                data,
                "sh24_top100_sample_size",
                &["sh24_top100_us_count", "sh24_top100_china_count"],
                lang,
            )],
        },
    ];
    BarSeries {
        unit: Unit::Scholars,
        year: 2024,
        sample: data.number("sh24_top100_sample_size"),
        series: vec!["scholars".into()],
        groups,
    }
}

/// The US and Chinese scholars of the top 100 by sector: industry, academia, and
/// those the seed does not place (derived).
pub fn top100_by_sector(data: &Dataset, lang: Lang) -> BarSeries {
    let country = |key: &str, total: &str, industry: &str, academia: &str| BarGroup {
        key: key.into(),
        cells: vec![
            BarValue::stated(data, industry),
            BarValue::stated(data, academia),
            remainder(data, total, &[industry, academia], lang),
        ],
    };
    BarSeries {
        unit: Unit::Scholars,
        year: 2024,
        sample: data.number("sh24_top100_sample_size"),
        series: vec!["industry".into(), "academia".into(), "unplaced".into()],
        groups: vec![
            country(
                "us",
                "sh24_top100_us_count",
                "sh24_top100_us_industry",
                "sh24_top100_us_academia",
            ),
            country(
                "cn",
                "sh24_top100_china_count",
                "sh24_top100_china_industry",
                "sh24_top100_china_academia",
            ),
        ],
    }
}

/// (year, tier, region, origin fact, work fact). `None`: the edition does not report it.
pub(crate) type OriginWorkRow = (
    u16,
    Tier,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

pub(crate) const ORIGIN_WORK: &[OriginWorkRow] = &[
    (
        2019,
        Tier::TopTier,
        "cn",
        Some("mp19_origin_share_china"),
        Some("mp19_work_share_china"),
    ),
    (
        2019,
        Tier::TopTier,
        "us",
        Some("mp19_origin_share_us"),
        Some("mp19_work_share_us"),
    ),
    (
        2019,
        Tier::TopTier,
        "eu",
        Some("mp19_origin_share_europe"),
        Some("mp19_work_share_europe"),
    ),
    (
        2019,
        Tier::TopTier,
        "in",
        Some("mp19_origin_share_india"),
        None,
    ),
    (
        2019,
        Tier::TopTier,
        "ca",
        Some("mp19_origin_share_canada"),
        Some("mp19_work_share_canada"),
    ),
    (
        2019,
        Tier::TopTier,
        "uk",
        Some("mp19_origin_share_uk"),
        Some("mp19_work_share_uk"),
    ),
    (
        2019,
        Tier::TopTier,
        "ir",
        Some("mp19_origin_share_iran"),
        None,
    ),
    (
        2019,
        Tier::TopTier,
        "il",
        Some("mp19_origin_share_israel"),
        None,
    ),
    (
        2022,
        Tier::TopTier,
        "cn",
        Some("mp22_origin_share_china"),
        Some("mp22_work_share_china"),
    ),
    (
        2022,
        Tier::TopTier,
        "us",
        Some("mp22_origin_share_us"),
        Some("mp22_work_share_us"),
    ),
    (
        2022,
        Tier::TopTier,
        "eu",
        Some("mp22_origin_share_europe"),
        None,
    ),
    (
        2022,
        Tier::TopTier,
        "in",
        Some("mp22_origin_share_india"),
        None,
    ),
    (
        2022,
        Tier::TopTier,
        "ca",
        Some("mp22_origin_share_canada"),
        None,
    ),
    (
        2022,
        Tier::TopTier,
        "uk",
        Some("mp22_origin_share_uk"),
        None,
    ),
    (
        2022,
        Tier::TopTier,
        "kr",
        Some("mp22_origin_share_korea"),
        None,
    ),
    (
        2022,
        Tier::TopTier,
        "ru",
        Some("mp22_origin_share_russia"),
        None,
    ),
    (
        2019,
        Tier::Elite,
        "us",
        Some("mp19_elite_origin_share_us"),
        Some("mp19_elite_work_share_us"),
    ),
    (
        2019,
        Tier::Elite,
        "in",
        Some("mp19_elite_origin_share_india"),
        None,
    ),
    (
        2019,
        Tier::Elite,
        "cn",
        Some("mp19_elite_origin_share_china"),
        None,
    ),
    (
        2019,
        Tier::Elite,
        "il",
        Some("mp19_elite_origin_share_israel"),
        None,
    ),
    (
        2019,
        Tier::Elite,
        "fr",
        Some("mp19_elite_origin_share_france"),
        Some("mp19_elite_work_share_france"),
    ),
    (
        2019,
        Tier::Elite,
        "ca",
        None,
        Some("mp19_elite_work_share_canada"),
    ),
    (
        2022,
        Tier::Elite,
        "us",
        Some("mp22_elite_origin_share_us"),
        None,
    ),
    (
        2022,
        Tier::Elite,
        "cn",
        Some("mp22_elite_origin_share_china"),
        Some("mp22_elite_work_share_china"),
    ),
];

/// MacroPolo: share of researchers by country of undergraduate degree (origin) and
/// by country of the employer's headquarters (work), for one edition and tier.
///
/// # Data
/// Series `origin` and `work`, in percent of the tier. Cells the edition does not
/// publish are "not reported" (sources README, not found nf04 and nf05).
pub fn origin_vs_work(data: &Dataset, year: u16, tier: Tier) -> BarSeries {
    let cell = |fact: Option<&str>| {
        fact.map_or(BarValue::NotReported { fact: None }, |id| {
            BarValue::stated(data, id)
        })
    };
    let groups = ORIGIN_WORK
        .iter()
        .filter(|(y, t, ..)| *y == year && *t == tier)
        .map(|(_, _, region, origin, work)| BarGroup {
            key: (*region).into(),
            cells: vec![cell(*origin), cell(*work)],
        })
        .collect();
    let sample = match (year, tier) {
        (2019, Tier::TopTier) => data.number("mp19_sample_size"),
        (2022, Tier::TopTier) => data
            .fact("mp22_sample_papers")
            .and_then(|f| f.related("authors")),
        (2022, Tier::Elite) => data.number("mp22_elite_authors"),
        _ => None,
    };
    BarSeries {
        unit: Unit::Percent,
        year,
        sample,
        series: vec!["origin".into(), "work".into()],
        groups,
    }
}

/// Researchers at US institutions by origin, 2019 and 2022 (MacroPolo top tier).
pub fn us_institutions_by_origin(data: &Dataset) -> BarSeries {
    let row = |region: &str, y2019: Option<&str>, y2022: Option<&str>| BarGroup {
        key: region.into(),
        cells: [y2019, y2022]
            .into_iter()
            .map(|id| {
                id.map_or(BarValue::NotReported { fact: None }, |id| {
                    BarValue::stated(data, id)
                })
            })
            .collect(),
    };
    BarSeries {
        unit: Unit::Percent,
        year: 2022,
        sample: None,
        series: vec!["y2019".into(), "y2022".into()],
        groups: vec![
            row(
                "cn",
                Some("mp19_us_inst_origin_share_china"),
                Some("mp22_us_inst_origin_share_china"),
            ),
            row(
                "us",
                Some("mp19_us_inst_origin_share_us"),
                Some("mp22_us_inst_origin_share_us"),
            ),
            row("eu", Some("mp19_us_inst_origin_share_europe"), None),
            row("in", Some("mp19_us_inst_origin_share_india"), None),
        ],
    }
}

/// AI researcher pools of China and the US: ITPO/Dongbi for 2015 and 2024, and
/// Digital Science's count of active researchers, which uses another definition.
pub fn researcher_pool(data: &Dataset) -> BarSeries {
    BarSeries {
        unit: Unit::Researchers,
        year: 2024,
        sample: None,
        series: vec!["researchers".into()],
        groups: vec![
            stated_group(data, "cn_2015", &["itpo_china_researchers_2015"]),
            stated_group(data, "cn_2024", &["itpo_china_researchers_2024"]),
            stated_group(data, "us_2024", &["itpo_us_researchers_2024"]),
            stated_group(data, "cn_2024_ds", &["ds25_china_active_ai_researchers"]),
        ],
    }
}

/// US and China in the AI 2000 editions, as a percentage of the list.
///
/// # Data
/// 2020 and 2021 shares are stated (of unique scholars). 2022 gives no country
/// shares. 2023 gives person-times only; the share is derived over the list's
/// 2,000 places (20 subfields × 100).
pub fn ai2000_editions(data: &Dataset, lang: Lang) -> BarSeries {
    let of_places = |fact: &str| match data.number(fact) {
        Some(count) => BarValue::Derived {
            value: count / AI2000_PLACES * 100.0,
            formula: format!(
                "{} / {} × 100",
                format::number(count, 0, lang),
                format::number(AI2000_PLACES, 0, lang)
            ),
            facts: vec![fact.to_string()],
        },
        None => BarValue::NotReported { fact: None },
    };
    BarSeries {
        unit: Unit::Percent,
        year: 2023,
        sample: None,
        series: vec!["us".into(), "cn".into()],
        groups: vec![
            stated_group(
                data,
                "y2020",
                &["ai2000_2020_us_share", "ai2000_2020_china_share"],
            ),
            stated_group(
                data,
                "y2021",
                &["ai2000_2021_us_share", "ai2000_2021_china_share"],
            ),
            BarGroup {
                key: "y2022".into(),
                cells: vec![
                    BarValue::missing("ai2000_2022_unique_scholars"),
                    BarValue::missing("ai2000_2022_unique_scholars"),
                ],
            },
            BarGroup {
                key: "y2023".into(),
                cells: vec![
                    of_places("ai2000_2023_us_persontimes"),
                    of_places("ai2000_2023_china_persontimes"),
                ],
            },
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(series: &BarSeries) -> Vec<Vec<Option<f64>>> {
        series
            .groups
            .iter()
            .map(|g| g.cells.iter().map(BarValue::value).collect())
            .collect()
    }

    #[test]
    fn top100_has_us_china_canada_not_reported_and_the_derived_rest() {
        let series = top100_by_country(Dataset::embedded(), Lang::En);
        // 100 − 71 − 11 = 18 places for Canada and every other country.
        assert_eq!(
            values(&series),
            vec![
                vec![Some(71.0)],
                vec![Some(11.0)],
                vec![None],
                vec![Some(18.0)]
            ]
        );
        assert_eq!(series.sample, Some(100.0));
    }

    #[test]
    fn sectors_leave_eleven_us_scholars_unplaced_and_none_in_china() {
        let series = top100_by_sector(Dataset::embedded(), Lang::En);
        // US: 41 industry, 19 academia, 71 − 41 − 19 = 11. China: 6, 5, 11 − 6 − 5 = 0.
        assert_eq!(
            values(&series),
            vec![
                vec![Some(41.0), Some(19.0), Some(11.0)],
                vec![Some(6.0), Some(5.0), Some(0.0)]
            ]
        );
    }

    #[test]
    fn origin_and_work_follow_each_edition_and_tier() {
        let data = Dataset::embedded();
        let top19 = origin_vs_work(data, 2019, Tier::TopTier);
        assert_eq!(top19.sample, Some(675.0));
        assert_eq!(values(&top19)[0], vec![Some(29.0), Some(11.0)]); // China: origin 29, work 11
        assert_eq!(values(&top19)[1], vec![Some(20.0), Some(59.0)]); // US: origin 20, work 59
        let top22 = origin_vs_work(data, 2022, Tier::TopTier);
        assert_eq!(top22.sample, Some(867.0));
        assert_eq!(values(&top22)[0], vec![Some(47.0), Some(28.0)]);
        assert_eq!(values(&top22)[2], vec![Some(12.0), None]); // Europe work: not reported (nf04)
        let elite22 = origin_vs_work(data, 2022, Tier::Elite);
        assert_eq!(
            values(&elite22),
            vec![vec![Some(28.0), None], vec![Some(26.0), Some(12.0)]]
        );
        assert_eq!(origin_vs_work(data, 2019, Tier::Elite).sample, None);
        // Every fact id in the table exists in the pack.
        for (.., origin, work) in ORIGIN_WORK {
            for id in origin.iter().chain(work.iter()) {
                assert!(data.number(id).is_some(), "{id}");
            }
        }
    }

    #[test]
    fn us_institutions_show_china_passing_the_us() {
        let series = us_institutions_by_origin(Dataset::embedded());
        assert_eq!(values(&series)[0], vec![Some(27.0), Some(38.0)]);
        assert_eq!(values(&series)[1], vec![Some(31.0), Some(37.0)]);
        assert_eq!(values(&series)[3], vec![Some(11.0), None]);
    }

    #[test]
    fn ai2000_2023_shares_are_derived_over_2000_places() {
        let series = ai2000_editions(Dataset::embedded(), Lang::En);
        let rows = values(&series);
        assert_eq!(rows[0], vec![Some(61.4), Some(9.3)]);
        assert_eq!(rows[2], vec![None, None]);
        // 1,079 / 2,000 = 53.95%; 280 / 2,000 = 14%.
        assert!((rows[3][0].unwrap() - 53.95).abs() < 1e-9);
        assert!((rows[3][1].unwrap() - 14.0).abs() < 1e-9);
    }

    #[test]
    fn researcher_pools_read_both_reports() {
        let rows = values(&researcher_pool(Dataset::embedded()));
        assert_eq!(
            rows,
            vec![
                vec![Some(10000.0)],
                vec![Some(52000.0)],
                vec![Some(63000.0)],
                vec![Some(30000.0)]
            ]
        );
    }
}
