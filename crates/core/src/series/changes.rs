//! Series of the charts that show a change (MacroPolo 2019 to 2022) or a whole split
//! into parts (Carnegie's 100, Hoover's DeepSeek authors, AMiner's top 100), with the
//! sample each share comes from, so the charts can say whether a change is larger than
//! the sampling error.

use super::countries::{OriginWorkRow, Tier, ORIGIN_WORK};
use super::place::Place;
use super::{remainder, BarValue};
use crate::data::labels::label;
use crate::layout::change::{ChangeRow, ChangeSeries, Part, PartsSeries, Point};
use crate::{copy, Dataset, Lang};

/// The MacroPolo editions compared.
pub const YEARS: (u16, u16) = (2019, 2022);

/// Origin or work country.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// Country of the undergraduate degree.
    Origin,
    /// Headquarters country of the employer.
    Work,
}

/// The size of a MacroPolo sample of a year and tier.
pub fn sample_size(data: &Dataset, year: u16, tier: Tier) -> Option<f64> {
    match (year, tier) {
        (2019, Tier::TopTier) => data.number("mp19_sample_size"),
        (2022, Tier::TopTier) => data
            .fact("mp22_sample_papers")
            .and_then(|f| f.related("authors")),
        (2022, Tier::Elite) => data.number("mp22_elite_authors"),
        _ => None,
    }
}

/// The tooltip basis of a fact: its year, what it is and who states it.
pub fn basis(data: &Dataset, fact: &str, lang: Lang) -> String {
    data.fact(fact).map_or_else(String::new, |f| {
        let source = data.dataset_of(f).map_or("", |d| d.credit(lang));
        format!("{} · {}", f.label(lang), source)
    })
}

fn point(
    data: &Dataset,
    fact: Option<&str>,
    sample: Option<f64>,
    derived: bool,
    lang: Lang,
) -> Option<Point> {
    let id = fact?;
    Some(Point {
        value: data.number(id)?,
        sample,
        sample_derived: derived,
        detail: basis(data, id, lang),
        fact: id.to_string(),
    })
}

fn rows_of(year: u16, tier: Tier) -> impl Iterator<Item = &'static OriginWorkRow> {
    ORIGIN_WORK
        .iter()
        .filter(move |(y, t, ..)| *y == year && *t == tier)
}

/// Origin or work shares of the top tier in 2019 and 2022, for the places `keys` (all
/// places either edition reports when `keys` is empty).
pub fn top_tier_change(
    data: &Dataset,
    measure: Measure,
    keys: &[&str],
    lang: Lang,
) -> ChangeSeries {
    let (y0, y1) = YEARS;
    let (n0, n1) = (
        sample_size(data, y0, Tier::TopTier),
        sample_size(data, y1, Tier::TopTier),
    );
    let fact = |row: &OriginWorkRow| match measure {
        Measure::Origin => row.3,
        Measure::Work => row.4,
    };
    let mut places: Vec<&str> = Vec::new();
    for row in rows_of(y0, Tier::TopTier).chain(rows_of(y1, Tier::TopTier)) {
        if fact(row).is_some()
            && !places.contains(&row.2)
            && (keys.is_empty() || keys.contains(&row.2))
        {
            places.push(row.2);
        }
    }
    if !keys.is_empty() {
        places.sort_by_key(|p| keys.iter().position(|k| k == p));
    }
    let find = |year: u16, place: &str| {
        rows_of(year, Tier::TopTier)
            .find(|r| r.2 == place)
            .and_then(fact)
    };
    ChangeSeries {
        years: YEARS,
        comparable: true,
        rows: places
            .into_iter()
            .map(|place| ChangeRow {
                key: place.to_string(),
                label: label(place, lang).to_string(),
                from: point(data, find(y0, place), n0, false, lang),
                to: point(data, find(y1, place), n1, false, lang),
            })
            .collect(),
    }
}

/// Origin shares of researchers at US institutions, 2019 and 2022. The subsample of
/// US-based authors is not published; it is estimated as the US work share times the
/// sample (derived, and said so).
pub fn us_institutions_change(data: &Dataset, keys: &[&str], lang: Lang) -> ChangeSeries {
    let subsample = |work: &str, year: u16| {
        Some((data.number(work)? / 100.0 * sample_size(data, year, Tier::TopTier)?).round())
    };
    let n0 = subsample("mp19_work_share_us", 2019);
    let n1 = subsample("mp22_work_share_us", 2022);
    let all: [(&str, Option<&str>, Option<&str>); 4] = [
        (
            "cn",
            Some("mp19_us_inst_origin_share_china"),
            Some("mp22_us_inst_origin_share_china"),
        ),
        (
            "us",
            Some("mp19_us_inst_origin_share_us"),
            Some("mp22_us_inst_origin_share_us"),
        ),
        ("eu", Some("mp19_us_inst_origin_share_europe"), None),
        ("in", Some("mp19_us_inst_origin_share_india"), None),
    ];
    ChangeSeries {
        years: YEARS,
        comparable: true,
        rows: all
            .into_iter()
            .filter(|(k, ..)| keys.is_empty() || keys.contains(k))
            .map(|(key, a, b)| ChangeRow {
                key: key.to_string(),
                label: label(key, lang).to_string(),
                from: point(data, a, n0, true, lang),
                to: point(data, b, n1, true, lang),
            })
            .collect(),
    }
}

/// The most elite tier's origin shares. Its definition changed (about the top 0.5% in
/// 2019, the top 2% in 2022), so the chart marks the series as not comparable.
pub fn elite_origin(data: &Dataset, lang: Lang) -> ChangeSeries {
    let (y0, y1) = YEARS;
    let rows: Vec<ChangeRow> = ["us", "cn"]
        .into_iter()
        .map(|place| {
            let find = |year: u16| {
                rows_of(year, Tier::Elite)
                    .find(|r| r.2 == place)
                    .and_then(|r| r.3)
            };
            ChangeRow {
                key: place.to_string(),
                label: label(place, lang).to_string(),
                from: point(
                    data,
                    find(y0),
                    sample_size(data, y0, Tier::Elite),
                    false,
                    lang,
                ),
                to: point(
                    data,
                    find(y1),
                    sample_size(data, y1, Tier::Elite),
                    false,
                    lang,
                ),
            }
        })
        .collect();
    ChangeSeries {
        years: YEARS,
        comparable: false,
        rows,
    }
}

fn part(
    data: &Dataset,
    key: &str,
    place: Place,
    label: copy::Text,
    fact: &str,
    lang: Lang,
) -> Option<Part> {
    Some(Part {
        key: key.to_string(),
        place,
        label: label.get(lang).to_string(),
        count: data.number(fact)?,
        formula: None,
        facts: vec![fact.to_string()],
        detail: basis(data, fact, lang),
    })
}

/// The part of a whole that two stated parts leave, `total − a − b`: derived, and said so.
fn rest_of(
    data: &Dataset,
    total: &str,
    parts: [&Part; 2],
    label: copy::Text,
    lang: Lang,
) -> Option<Part> {
    let stated: Vec<&str> = parts
        .iter()
        .flat_map(|p| p.facts.iter().map(String::as_str))
        .collect();
    let BarValue::Derived {
        value,
        formula,
        facts,
    } = remainder(data, total, &stated, lang)
    else {
        return None;
    };
    let n = |v: f64| crate::format::number(v, 0, lang);
    let detail = copy::PARTS_REMAINDER.fill(
        lang,
        &[
            ("total", &n(data.number(total)?)),
            ("a", &n(parts[0].count)),
            ("b", &n(parts[1].count)),
        ],
    );
    Some(Part {
        key: "other".into(),
        place: Place::Other,
        label: label.get(lang).to_string(),
        count: value,
        formula: Some(formula),
        facts,
        detail,
    })
}

/// What became of the 100 China-origin researchers at US institutions in 2019, in 2025
/// (Carnegie's follow-up).
pub fn carnegie_cohort(data: &Dataset, lang: Lang) -> Option<PartsSeries> {
    Some(PartsSeries {
        total: data.number("cg25_cohort_size")?,
        parts: vec![
            part(
                data,
                "us",
                Place::Us,
                copy::PARTS_STILL_US,
                "cg25_still_us",
                lang,
            )?,
            part(
                data,
                "cn",
                Place::China,
                copy::PARTS_MOVED_CHINA,
                "cg25_moved_china",
                lang,
            )?,
            part(
                data,
                "other",
                Place::Other,
                copy::PARTS_ELSEWHERE,
                "cg25_other_countries",
                lang,
            )?,
        ],
    })
}

/// The DeepSeek authors with known career paths: never left China, with US ties, and
/// the rest (derived: the source does not describe them).
pub fn deepseek_paths(data: &Dataset, lang: Lang) -> Option<PartsSeries> {
    let total = data.number("hv25_authors_with_affiliation_history")?;
    let home = part(
        data,
        "cn",
        Place::China,
        copy::PARTS_NEVER_LEFT,
        "hv25_never_left_china",
        lang,
    )?;
    let us = part(
        data,
        "us",
        Place::Us,
        copy::PARTS_US_TIES,
        "hv25_us_ties",
        lang,
    )?;
    let rest = rest_of(
        data,
        "hv25_authors_with_affiliation_history",
        [&home, &us],
        copy::PARTS_OTHER_PATHS,
        lang,
    )?;
    Some(PartsSeries {
        total,
        parts: vec![home, us, rest],
    })
}

/// AMiner's global top 100 by country: the US, China, and everyone else (derived).
pub fn top100_parts(data: &Dataset, lang: Lang) -> Option<PartsSeries> {
    let total = data.number("sh24_top100_sample_size")?;
    let us = part(
        data,
        "us",
        Place::Us,
        copy::PARTS_IN_US,
        "sh24_top100_us_count",
        lang,
    )?;
    let cn = part(
        data,
        "cn",
        Place::China,
        copy::PARTS_IN_CHINA,
        "sh24_top100_china_count",
        lang,
    )?;
    let rest = rest_of(
        data,
        "sh24_top100_sample_size",
        [&us, &cn],
        copy::PARTS_ELSEWHERE_INCL_CANADA,
        lang,
    )?;
    Some(PartsSeries {
        total,
        parts: vec![us, cn, rest],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_story_series_read_the_data_pack() {
        let data = Dataset::embedded();
        let origin = top_tier_change(data, Measure::Origin, &["cn", "us"], Lang::En);
        let cn = &origin.rows[0];
        assert_eq!(
            (
                cn.from.as_ref().map(|p| p.value),
                cn.to.as_ref().map(|p| p.value)
            ),
            (
                data.number("mp19_origin_share_china"),
                data.number("mp22_origin_share_china")
            )
        );
        assert_eq!(
            cn.from.as_ref().and_then(|p| p.sample),
            data.number("mp19_sample_size")
        );
        // All origins either edition reports: India, Iran, ... appear once each.
        let all = top_tier_change(data, Measure::Origin, &[], Lang::En);
        let mut keys: Vec<&str> = all.rows.iter().map(|r| r.key.as_str()).collect();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n);
        // The US-based subsample: 59% of 675 = 398.25 -> 398 (2019).
        let us_inst = us_institutions_change(data, &[], Lang::En);
        assert_eq!(
            us_inst.rows[0].from.as_ref().and_then(|p| p.sample),
            Some(398.0)
        );
        assert!(us_inst.rows[0]
            .from
            .as_ref()
            .is_some_and(|p| p.sample_derived));
        // Europe at US institutions: 2019 only.
        assert!(us_inst.rows[2].to.is_none());
        assert!(!elite_origin(data, Lang::En).comparable);
    }

    #[test]
    fn parts_add_up_to_their_whole() {
        let data = Dataset::embedded();
        // Carnegie: 87 + 10 + 3 = 100.
        let c = carnegie_cohort(data, Lang::En).expect("Carnegie facts");
        assert_eq!(c.parts.iter().map(|p| p.count).sum::<f64>(), c.total);
        // Hoover: 201 − 111 − 49 = 41 not described (derived).
        let d = deepseek_paths(data, Lang::En).expect("Hoover facts");
        assert_eq!(d.parts[2].count, 41.0);
        assert!(d.parts[2].is_derived());
        assert_eq!(d.parts[2].formula.as_deref(), Some("201 − 111 − 49"));
        assert_eq!(d.parts[2].facts.len(), 3);
        // AMiner: 100 − 71 − 11 = 18, Canada among them.
        let t = top100_parts(data, Lang::En).expect("AMiner facts");
        assert_eq!(t.parts[2].count, 18.0);
    }
}
