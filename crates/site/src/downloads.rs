//! The data downloads, written at build time: each chart's tidy CSV in English and
//! Chinese with a JSON sidecar (`data/<chart>.csv`, `data/<chart>.zh.csv`,
//! `data/<chart>.json`), and the bundle of all the data (`downloads/ai-talent-atlas-data.zip`:
//! every chart's files, the data pack's tables as CSV and as one JSON file, and a README in
//! both languages), and each chart's default view framed for its SVG download
//! (`charts/<chart>/framed-<lang>.svg`; the app makes the PNG and the SVG of the reader's
//! state). Same inputs, same bytes: the files carry no date, and the zip's entries a fixed
//! timestamp.

use crate::html::{code, tag, LANGS};
use crate::Site;
use maud::{html, Markup};
use serde_json::{json, Map, Value};
use std::io::Write;
use std::time::Instant;
use talent_charts::draw::frame::{self, Export};
use talent_charts::{svg, Palette, Theme};
use talent_core::catalog::Chart;
use talent_core::copy::{self, Text};
use talent_core::data::{FactValue, Related};
use talent_core::layout::width::WidthClass;
use talent_core::link::cite;
use talent_core::link::export::csv;
use talent_core::link::tidy::{self, Column, CHART_COLUMNS};
use talent_core::link::url_state::UrlState;
use talent_core::{Dataset, Lang};

/// The bundle, relative to the site's root (the footer links to it).
pub const BUNDLE: &str = "downloads/ai-talent-atlas-data.zip";

/// The folder inside the bundle, so that unpacking it makes one folder.
const BUNDLE_ROOT: &str = "ai-talent-atlas-data/";

/// The licence of the compilation: the project's, from `Cargo.toml`.
const LICENCE: &str = env!("CARGO_PKG_LICENSE");

/// The file name of a chart's CSV in a language.
pub fn csv_name(chart: Chart, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{}.csv", chart.code()),
        Lang::Zh => format!("{}.zh.csv", chart.code()),
    }
}

/// The file name of a chart's sidecar.
pub fn json_name(chart: Chart) -> String {
    format!("{}.json", chart.code())
}

/// The download list under a chart's table: its data in the page's language and its
/// metadata. Both CSV links are there; the stylesheet shows the one of the page's language.
pub fn links(chart: Chart, prefix: &str) -> Markup {
    html! {
        div.chart-downloads role="group" aria-labelledby={ (chart.code()) "-downloads" } {
            span.downloads-label id={ (chart.code()) "-downloads" } { (crate::html::bi(copy::CHART_DOWNLOAD)) }
            ul {
                li {
                    @for lang in LANGS {
                        button type="button" hidden lang=(tag(lang)) data-l=(code(lang))
                            data-download="png" data-chart=(chart.code())
                        { (copy::CHART_DOWNLOAD_PNG.get(lang)) }
                    }
                }
                li {
                    @for lang in LANGS {
                        a href={ (prefix) (picture_name(chart, lang)) } download=(download_name(chart, lang, "svg"))
                            lang=(tag(lang)) data-l=(code(lang)) type="image/svg+xml"
                            data-download="svg" data-chart=(chart.code())
                        { (copy::CHART_DOWNLOAD_SVG.get(lang)) }
                    }
                }
                li {
                    @for lang in LANGS {
                        a href={ (prefix) "data/" (csv_name(chart, lang)) } download
                            lang=(tag(lang)) data-l=(code(lang)) type="text/csv"
                        { (copy::CHART_DOWNLOAD_CSV.get(lang)) }
                    }
                }
                li {
                    a href={ (prefix) "data/" (json_name(chart)) } download type="application/json" {
                        (crate::html::bi(copy::DOWNLOADS_JSON))
                    }
                }
            }
        }
    }
}

fn both(text: Text) -> Value {
    json!({ "en": text.en, "zh": text.zh })
}

fn each(f: impl Fn(Lang) -> Value) -> Value {
    json!({ "en": f(Lang::En), "zh": f(Lang::Zh) })
}

fn columns_json(columns: &[Column]) -> Value {
    columns
        .iter()
        .map(|c| json!({ "name": c.name, "en": c.meaning.en, "zh": c.meaning.zh }))
        .collect()
}

/// The address of a chart in the atlas in a language: absolute when the site knows its
/// address, else relative to the site's root.
pub fn chart_url(site: &Site, chart: Chart, lang: Lang) -> String {
    // The address of a file in one language opens in that language, whatever the
    // browser's: `zh/` for Chinese, `lang=en` for English.
    let state = UrlState {
        view: chart.view(),
        lang: Some(lang),
        ..UrlState::default()
    };
    let root = site
        .url
        .as_deref()
        .map_or_else(String::new, |u| format!("{}/", u.trim_end_matches('/')));
    format!("{root}{}#{}", state.shared_path(lang), chart.code())
}

/// The framed picture of a chart in a language, for its SVG download.
pub fn picture_name(chart: Chart, lang: Lang) -> String {
    format!("charts/{}/framed-{}.svg", chart.code(), code(lang))
}

/// The name a downloaded picture gets: `ai-talent-atlas-origin-zh.png`.
fn download_name(chart: Chart, lang: Lang, extension: &str) -> String {
    format!(
        "ai-talent-atlas-{}-{}.{extension}",
        chart.code(),
        code(lang)
    )
}

/// Each chart's default view in its export frame (title, what it counts, notes, source,
/// the link when the site knows its address), light, as SVG: the download a page offers
/// before the app runs, and the one the app replaces with the reader's state.
fn picture_files(site: &Site) -> Result<Vec<(String, Vec<u8>)>, String> {
    let state = UrlState::default();
    let palette = Palette::of(Theme::Light);
    let mut files = Vec::new();
    for chart in Chart::ALL {
        for lang in LANGS {
            let plan = chart
                .plan(site.data, &state, lang, WidthClass::Full)
                .map_err(|e| e.to_string())?;
            let text = chart.text(site.data, lang);
            let title = text.title.clone();
            let mut export = Export::of(chart, &plan, text, &state, lang);
            export.link = site.url.as_ref().map(|_| chart_url(site, chart, lang));
            let scene = frame::exported(&plan, &state, &export, palette);
            files.push((
                picture_name(chart, lang),
                svg::document(&scene, &title).into_bytes(),
            ));
        }
    }
    Ok(files)
}

fn licence() -> Value {
    each(|l| {
        copy::DOWNLOADS_LICENCE
            .fill(l, &[("licence", LICENCE)])
            .into()
    })
}

/// A chart's sidecar: what it shows, where it comes from, how to cite it, what its
/// columns mean and where it lives in the atlas.
fn chart_json(site: &Site, chart: Chart) -> Value {
    let data = site.data;
    let text = |lang| chart.text(data, lang);
    let citation = |lang: Lang| {
        let (text, bibtex) = cite::citation(
            data,
            &text(lang).title,
            &chart_url(site, chart, lang),
            None,
            None,
            chart.datasets(),
            lang,
        );
        json!({ "text": text, "bibtex": bibtex })
    };
    json!({
        "chart": chart.code(),
        "title": each(|l| text(l).title.into()),
        "subtitle": each(|l| text(l).subtitle.into()),
        "notes": each(|l| text(l).notes.into()),
        "source": each(|l| text(l).source.into()),
        "citation": each(citation),
        "citation_note": both(copy::DOWNLOADS_BUNDLE_CITE_INTRO),
        "files": each(|l| csv_name(chart, l).into()),
        "columns": columns_json(&CHART_COLUMNS),
        "codes": each(|l| value_codes(l).into()),
        "licence": licence(),
        "url": each(|l| chart_url(site, chart, l).into()),
        "datasets": chart.datasets(),
    })
}

/// What the codes of the chart files mean, one line each.
fn value_codes(lang: Lang) -> Vec<String> {
    tidy::CHART_CODES.iter().map(|c| c.line(lang)).collect()
}

/// A text of the data pack in both languages.
fn pack_text(text: &talent_core::data::Text) -> Value {
    json!({ "en": text.en, "zh": text.zh })
}

fn related(map: &std::collections::BTreeMap<String, Related>) -> Value {
    map.iter()
        .map(|(k, v)| {
            let v = match v {
                Related::Number(n) => json!(n),
                Related::Text(t) => json!(t),
            };
            (k.clone(), v)
        })
        .collect::<Map<_, _>>()
        .into()
}

/// The whole data pack as one JSON document, its enums spelt as in `data/facts.toml`.
fn pack_json(data: &Dataset) -> Value {
    let facts: Vec<Value> = data
        .facts
        .iter()
        .map(|f| {
            let value = match &f.value {
                FactValue::Number(n) => json!(n),
                FactValue::Text(t) => json!(t),
                FactValue::List(items) => json!(items),
            };
            json!({
                "id": f.id,
                "dataset": f.dataset,
                "value": value,
                "qualifier": f.qualifier.map(tidy::qualifier_code),
                "values": related(&f.values),
                "unit": f.unit,
                "year": f.year,
                "population": pack_text(&f.population),
                "source": pack_text(&f.source),
                "url": f.url,
                "seed": f.seed,
                "status": tidy::fact_status_code(f.status),
                "confidence": tidy::confidence_code(f.confidence),
                "label_en": f.label_en,
                "label_zh": f.label_zh,
                "reader_label": pack_text(&f.label),
                "note": f.note.as_ref().map(pack_text),
                "columns": related(&f.columns),
            })
        })
        .collect();
    json!({
        "title": both(copy::APP_NAME),
        "licence": licence(),
        "datasets": data.datasets.iter().map(|d| json!({
            "key": d.key, "name": pack_text(&d.name), "publisher": pack_text(&d.publisher),
            "credit": pack_text(&d.credit), "description": pack_text(&d.description),
            "url": d.url, "seeds": d.seeds,
        })).collect::<Vec<_>>(),
        "facts": facts,
        "discrepancies": data.discrepancies.iter().map(|d| json!({
            "id": d.id, "severity": tidy::severity_code(d.severity),
            "kind": tidy::kind_code(d.kind), "facts": d.facts,
            "title": pack_text(&d.title), "description": pack_text(&d.description),
        })).collect::<Vec<_>>(),
        "not_found": data.not_found.iter()
            .map(|n| json!({ "key": n.key, "detail": pack_text(&n.detail) }))
            .collect::<Vec<_>>(),
        "seeds": data.seeds.iter().map(|s| json!({
            "file": s.file, "title": s.title, "title_en": s.title_en, "outlet": s.outlet,
            "outlet_en": s.outlet_en, "date": s.date, "url": s.url,
        })).collect::<Vec<_>>(),
    })
}

fn pretty(value: &Value) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).expect("a JSON value always serialises");
    bytes.push(b'\n');
    bytes
}

/// The width of a text in a plain-text file's columns: Chinese characters take two.
fn display_width(text: &str) -> usize {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// A heading of the README, underlined.
fn heading(out: &mut String, text: &str) {
    out.push_str(&format!(
        "\n{text}\n{}\n\n",
        "-".repeat(display_width(text))
    ));
}

/// An item of a README list: a term and what it means.
fn item(out: &mut String, lang: Lang, term: &str, meaning: &str) {
    let line = copy::DOWNLOADS_TERM.fill(lang, &[("term", term), ("meaning", meaning)]);
    out.push_str(&format!("- {line}\n"));
}

/// The README of the bundle in one language.
fn readme_part(site: &Site, lang: Lang) -> String {
    let t = |text: Text| text.get(lang).to_string();
    let mut out = String::new();
    out.push_str(&format!("{}\n\n", t(copy::DOWNLOADS_BUNDLE_INTRO)));
    out.push_str(&format!("{}\n\n", t(copy::DOWNLOADS_BUNDLE_FORMATS)));
    out.push_str(&format!("{}\n", t(copy::DOWNLOADS_BUNDLE_LANGUAGES)));
    heading(&mut out, &t(copy::DOWNLOADS_BUNDLE_FILES));
    out.push_str(&format!("- {}\n", t(copy::DOWNLOADS_BUNDLE_CHART_FILES)));
    out.push_str(&format!("- {}\n", t(copy::DOWNLOADS_BUNDLE_PACK_FILES)));
    heading(&mut out, &t(copy::DOWNLOADS_BUNDLE_CHART_LIST));
    for chart in Chart::ALL {
        item(
            &mut out,
            lang,
            chart.code(),
            &chart.text(site.data, lang).title,
        );
    }
    let tables: [(Text, &[Column]); 6] = [
        (copy::DOWNLOADS_BUNDLE_CHART_COLUMNS, &CHART_COLUMNS),
        (copy::DOWNLOADS_BUNDLE_FACT_COLUMNS, &tidy::FACT_COLUMNS),
        (
            copy::DOWNLOADS_BUNDLE_DATASET_COLUMNS,
            &tidy::DATASET_COLUMNS,
        ),
        (
            copy::DOWNLOADS_BUNDLE_DISCREPANCY_COLUMNS,
            &tidy::DISCREPANCY_COLUMNS,
        ),
        (
            copy::DOWNLOADS_BUNDLE_NOT_FOUND_COLUMNS,
            &tidy::NOT_FOUND_COLUMNS,
        ),
        (copy::DOWNLOADS_BUNDLE_SEED_COLUMNS, &tidy::SEED_COLUMNS),
    ];
    for (i, (title, columns)) in tables.into_iter().enumerate() {
        heading(&mut out, &t(title));
        for c in columns {
            item(&mut out, lang, c.name, c.meaning.get(lang));
        }
        let codes = match i {
            0 => Some((copy::DOWNLOADS_BUNDLE_CODES, &tidy::CHART_CODES[..])),
            1 => Some((
                copy::DOWNLOADS_BUNDLE_FACT_CODES,
                &tidy::FACT_STATUS_CODES[..],
            )),
            _ => None,
        };
        if let Some((title, codes)) = codes {
            heading(&mut out, &t(title));
            for c in codes {
                out.push_str(&format!("- {}\n", c.line(lang)));
            }
        }
    }
    heading(&mut out, &t(copy::DOWNLOADS_BUNDLE_LICENCE_HEADING));
    out.push_str(&format!(
        "{}\n",
        copy::DOWNLOADS_LICENCE.fill(lang, &[("licence", LICENCE)])
    ));
    heading(&mut out, &t(copy::DOWNLOADS_BUNDLE_CITE_HEADING));
    let link = site
        .url
        .as_deref()
        .map_or_else(String::new, |u| format!("{}/", u.trim_end_matches('/')));
    let title = format!(
        "{} · {}",
        copy::APP_NAME.get(lang),
        t(copy::DOWNLOADS_BUNDLE_CITE_TITLE)
    );
    let link = if link.is_empty() {
        BUNDLE.to_string()
    } else {
        format!("{link}{BUNDLE}")
    };
    let (text, bibtex) = cite::citation(site.data, &title, &link, None, None, &[], lang);
    out.push_str(&format!(
        "{}\n\n{text}\n\n{bibtex}\n",
        t(copy::DOWNLOADS_BUNDLE_CITE_INTRO)
    ));
    out
}

/// The README of the bundle: English, then Chinese.
fn readme(site: &Site) -> String {
    let mut out = String::new();
    out.push(talent_core::link::export::BOM);
    for lang in LANGS {
        let title = copy::DOWNLOADS_BUNDLE_TITLE.get(lang);
        let rule = "=".repeat(display_width(title));
        out.push_str(&format!("{title}\n{rule}\n\n{}\n", readme_part(site, lang)));
    }
    out
}

/// Every file of the downloads, as (path relative to the site's root, bytes), in a fixed
/// order: the charts' files, then the bundle's own.
fn chart_files(site: &Site) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files = Vec::new();
    for chart in Chart::ALL {
        for lang in LANGS {
            let sheet = tidy::chart_sheet(chart, site.data, lang).map_err(|e| e.to_string())?;
            files.push((
                format!("data/{}", csv_name(chart, lang)),
                csv(&sheet).into_bytes(),
            ));
        }
        files.push((
            format!("data/{}", json_name(chart)),
            pretty(&chart_json(site, chart)),
        ));
    }
    Ok(files)
}

/// The data pack's files inside the bundle.
fn pack_files(data: &Dataset) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = data
        .datasets
        .iter()
        .map(|d| {
            (
                format!("pack/facts/{}.csv", d.key),
                csv(&tidy::facts_sheet(data, &d.key)).into_bytes(),
            )
        })
        .collect();
    for (name, sheet) in [
        ("datasets", tidy::datasets_sheet(data)),
        ("discrepancies", tidy::discrepancies_sheet(data)),
        ("not-found", tidy::not_found_sheet(data)),
        ("seeds", tidy::seeds_sheet(data)),
    ] {
        files.push((format!("pack/{name}.csv"), csv(&sheet).into_bytes()));
    }
    files.push(("pack/data-pack.json".into(), pretty(&pack_json(data))));
    files
}

/// A zip of `files` under [`BUNDLE_ROOT`], deflated, every entry dated 1980-01-01 (the
/// format's first day) so that the same files give the same bytes.
fn zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    use zip::write::SimpleFileOptions;
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9))
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in files {
        writer
            .start_file(format!("{BUNDLE_ROOT}{name}"), options)
            .and_then(|()| writer.write_all(bytes).map_err(Into::into))
            .map_err(|e| format!("{BUNDLE}: {name}: {e}"))?;
    }
    let cursor = writer.finish().map_err(|e| format!("{BUNDLE}: {e}"))?;
    Ok(cursor.into_inner())
}

/// The files of the bundle, by their path inside it.
fn bundle_files(site: &Site, charts: &[(String, Vec<u8>)]) -> Vec<(String, Vec<u8>)> {
    let mut files = vec![("README.txt".to_string(), readme(site).into_bytes())];
    files.extend(
        charts
            .iter()
            .map(|(path, bytes)| (path.replacen("data/", "charts/", 1), bytes.clone())),
    );
    files.extend(pack_files(site.data));
    files
}

/// Writes every chart's files and the bundle.
pub fn write(site: &Site) -> Result<(), String> {
    let started = Instant::now();
    let charts = chart_files(site)?;
    for (path, bytes) in charts.iter().chain(&picture_files(site)?) {
        site.write(path, bytes)?;
    }
    let bundle = zip(&bundle_files(site, &charts))?;
    site.write(BUNDLE, &bundle)?;
    eprintln!(
        "talent_site: wrote {} data files and the {:.0} KB bundle in {:.2} s",
        charts.len(),
        bundle.len() as f64 / 1000.0,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn site(url: Option<&str>) -> Site {
        Site {
            data: Dataset::embedded(),
            out: std::env::temp_dir(),
            head: String::new(),
            url: url.map(String::from),
        }
    }

    fn bundle(site: &Site) -> Vec<u8> {
        zip(&bundle_files(
            site,
            &chart_files(site).expect("chart files"),
        ))
        .expect("zip")
    }

    #[test]
    fn the_same_inputs_give_the_same_bytes() {
        let site = site(Some("https://example.org/talent"));
        assert_eq!(bundle(&site), bundle(&site));
    }

    #[test]
    fn the_bundle_holds_every_chart_and_every_table_of_the_pack() {
        let site = site(None);
        let bytes = bundle(&site);
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        let names: Vec<String> = archive.file_names().map(String::from).collect();
        let has = |path: &str| names.iter().any(|n| *n == format!("{BUNDLE_ROOT}{path}"));
        assert!(has("README.txt") && has("pack/data-pack.json"));
        for chart in Chart::ALL {
            for lang in LANGS {
                assert!(
                    has(&format!("charts/{}", csv_name(chart, lang))),
                    "{chart:?}"
                );
            }
            assert!(has(&format!("charts/{}", json_name(chart))), "{chart:?}");
        }
        for d in &site.data.datasets {
            assert!(has(&format!("pack/facts/{}.csv", d.key)), "{}", d.key);
        }
        for table in ["datasets", "discrepancies", "not-found", "seeds"] {
            assert!(has(&format!("pack/{table}.csv")), "{table}");
        }
        // 14 charts × 3 files + README + 22 reports' facts + 4 tables + the pack's JSON.
        assert_eq!(
            names.len(),
            Chart::ALL.len() * 3 + 1 + site.data.datasets.len() + 4 + 1
        );
        for i in 0..archive.len() {
            let entry = archive.by_index(i).expect("an entry");
            assert_eq!(entry.compression(), zip::CompressionMethod::Deflated);
            assert_eq!(entry.last_modified(), Some(zip::DateTime::default()));
        }
        // The pack's JSON reads back with every fact, each value in its own JSON type.
        let mut text = String::new();
        archive
            .by_name(&format!("{BUNDLE_ROOT}pack/data-pack.json"))
            .expect("the pack")
            .read_to_string(&mut text)
            .expect("UTF-8");
        let pack: Value = serde_json::from_str(&text).expect("JSON");
        let facts = pack["facts"].as_array().expect("facts");
        assert_eq!(facts.len(), site.data.facts.len());
        let us = facts
            .iter()
            .find(|f| f["id"] == "sh24_top100_us_count")
            .expect("a known fact");
        assert_eq!(us["value"], json!(71.0));
        assert_eq!(us["status"], "seed");
    }

    #[test]
    fn the_readme_explains_every_column_in_both_languages_and_how_to_cite() {
        let text = readme(&site(None));
        for column in CHART_COLUMNS.iter().chain(&tidy::FACT_COLUMNS) {
            assert!(text.contains(&format!("- {}: {}", column.name, column.meaning.en)));
            assert!(text.contains(&format!("- {}：{}", column.name, column.meaning.zh)));
        }
        assert!(text.contains("under the MIT licence") && text.contains("以MIT许可发布"));
        assert!(text.contains("@misc{aitalentatlasYYYY,"), "{text}");
        assert!(text.contains(copy::CITE_APP_TITLE.en));
        // Every placeholder is filled, and no internal id reaches the reader.
        assert!(!text.contains("{licence}") && !text.contains("{from}"));
        for internal in ["seed 0", "d01_", "nf0"] {
            assert!(!text.contains(internal), "{internal}");
        }
    }

    #[test]
    fn every_chart_has_a_framed_picture_per_language_with_its_words() {
        let with_address = site(Some("https://example.org/talent/"));
        let files = picture_files(&with_address).expect("pictures");
        assert_eq!(files.len(), Chart::ALL.len() * 2);
        let (path, bytes) = files
            .iter()
            .find(|(p, _)| p == "charts/origin/framed-zh.svg")
            .expect("the Chinese origin picture");
        let svg = String::from_utf8(bytes.clone()).expect("UTF-8");
        let title = Chart::Origin.text(with_address.data, Lang::Zh).title;
        assert!(svg.contains(&title), "{path}: the title");
        assert!(svg.contains("来源："), "{path}: the source line");
        assert!(
            svg.contains("https://example.org/talent/zh/countries/#origin"),
            "{path}: the link"
        );
        // Without the site's address a picture carries no link (a relative one is no use
        // on paper), and no date (the same inputs give the same bytes).
        let link_line = copy::EXPORT_FRAME_LINK.fill(Lang::En, &[("link", "")]);
        assert!(svg.contains(
            copy::EXPORT_FRAME_LINK
                .fill(Lang::Zh, &[("link", "")])
                .trim()
        ));
        let files = picture_files(&site(None)).expect("pictures");
        assert!(files
            .iter()
            .all(|(_, b)| !String::from_utf8_lossy(b).contains(link_line.trim())));
    }

    #[test]
    fn a_chart_sidecar_has_both_languages_and_its_address() {
        let site = site(Some("https://example.org/talent/"));
        let meta = chart_json(&site, Chart::Top100);
        for key in ["title", "subtitle", "source", "licence", "url", "files"] {
            for lang in ["en", "zh"] {
                assert!(
                    meta[key][lang].as_str().is_some_and(|s| !s.is_empty()),
                    "{key}.{lang}"
                );
            }
        }
        assert_eq!(
            meta["url"]["zh"],
            "https://example.org/talent/zh/countries/#top100"
        );
        assert_eq!(meta["files"]["zh"], "top100.zh.csv");
        assert_eq!(
            meta["columns"].as_array().map(Vec::len),
            Some(CHART_COLUMNS.len())
        );
        let bibtex = meta["citation"]["en"]["bibtex"].as_str().expect("BibTeX");
        assert!(bibtex.contains("\\url{https://example.org/talent/countries/?v=2&lang=en#top100}"));
    }

    #[test]
    fn no_sidecar_text_names_an_internal_id() {
        use talent_core::data::typography::english_problems;
        let site = site(None);
        for chart in Chart::ALL {
            let meta = chart_json(&site, chart);
            for lang in ["en", "zh"] {
                let mut texts: Vec<&str> = ["title", "subtitle", "source"]
                    .iter()
                    .filter_map(|k| meta[*k][lang].as_str())
                    .collect();
                texts.extend(
                    meta["notes"][lang]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str),
                );
                texts.extend(meta["citation"][lang]["text"].as_str());
                for text in texts {
                    assert!(
                        english_problems(text).is_empty(),
                        "{chart:?} {lang}: {text}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_figure_links_each_language_to_its_own_file() {
        let markup = links(Chart::Origin, "../").into_string();
        assert!(markup.contains(
            r#"href="../data/origin.csv" download lang="en" data-l="en" type="text/csv">Data (CSV)</a>"#
        ), "{markup}");
        assert!(markup.contains(
            r#"href="../data/origin.zh.csv" download lang="zh-Hans" data-l="zh" type="text/csv">数据（CSV）</a>"#
        ), "{markup}");
        assert!(markup.contains(r#"href="../data/origin.json""#), "{markup}");
        assert!(markup.starts_with(r#"<div class="chart-downloads""#));
    }

    #[test]
    fn writing_puts_the_files_where_the_page_links_them() {
        let out = std::env::temp_dir().join(format!("talent-downloads-{}", std::process::id()));
        let site = Site {
            out: out.clone(),
            ..site(None)
        };
        write(&site).expect("written");
        assert!(out.join("data/origin.zh.csv").is_file());
        assert!(out.join("data/origin.json").is_file());
        let bundle = std::fs::read(out.join(BUNDLE)).expect("the bundle");
        assert_eq!(bundle, self::bundle(&site));
        std::fs::remove_dir_all(&out).expect("clean up");
    }
}
