//! Bakes the static site around the wasm app: every page with its texts in both languages
//! and its charts as pictures, so a link shows its content before (and without) the wasm.
//! Trunk's post-build hook (`scripts/post-build.mjs`) runs it on the build folder.
//!
//! ```text
//! talent_site bake <build folder> [--url https://example.org/talent/]
//! talent_site palette          # writes public/palette.css from the chart palette
//! ```
//! `--url` (or `SITE_URL`) is the address the site will be served from; link previews need
//! absolute picture addresses, so without it they carry relative ones.

mod downloads;
mod figure;
mod html;
mod layout;
mod pages;
mod previews;
mod shell;

use shell::PageMeta;
use std::path::{Path, PathBuf};
use std::time::Instant;
use talent_core::copy;
use talent_core::link::url_state::View;
use talent_core::{Dataset, Lang};

/// What every page needs: the data, where to write, Trunk's head assets, the site's URL.
pub struct Site {
    /// The data pack.
    pub data: &'static Dataset,
    /// The build folder.
    pub out: PathBuf,
    /// The inside of Trunk's `<head>` (its stylesheets, scripts and preloads), without title
    /// and description.
    pub head: String,
    /// The address the site is served from, if known.
    pub url: Option<String>,
}

impl Site {
    /// Writes a file of the site, creating its folder.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), String> {
        let path = self.out.join(relative);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// The assets of Trunk's `<head>`: its character set, Content Security Policy and
/// viewport, stylesheets, icons, manifest, preloads and scripts, in their order. Anything
/// a page writes itself (title, description, link-preview tags) is left out, so baking a
/// folder that was baked before gives the same pages.
fn head_assets(index: &str) -> Result<String, String> {
    let start = index.find("<head>").ok_or("index.html has no <head>")? + "<head>".len();
    let end = index.find("</head>").ok_or("index.html has no </head>")?;
    let head = &index[start..end];
    let mut kept = Vec::new();
    let mut rest = head;
    while let Some(open) = rest.find('<') {
        let tail = &rest[open..];
        let Some(close) = tail.find('>') else { break };
        let tag = &tail[..=close];
        let mut consumed = close + 1;
        let keep = if tag.starts_with("<meta") {
            [
                "charset=",
                "http-equiv=\"Content-Security-Policy\"",
                "name=\"viewport\"",
                "name=\"theme-color\"",
                "name=\"trunk-app\"",
            ]
            .iter()
            .any(|k| tag.contains(k))
        } else if tag.starts_with("<link") {
            // No preload of the wasm: public/start.js fetches it as it starts, and WebKit
            // does not hand a preloaded response to that fetch (it downloaded the wasm twice).
            let wasm_preload = tag.contains("rel=\"preload\"") && tag.contains(".wasm");
            !tag.contains("rel=\"canonical\"") && !wasm_preload
        } else if tag.starts_with("<script") && tag.contains(" src=") {
            if let Some(end_script) = tail.find("</script>") {
                consumed = end_script + "</script>".len();
            }
            true
        } else {
            false
        };
        if keep {
            kept.push(tail[..consumed].to_string());
        }
        rest = &tail[consumed..];
    }
    if !kept.iter().any(|t| t.contains("Content-Security-Policy")) {
        return Err("index.html has no Content Security Policy".into());
    }
    Ok(kept.join("\n"))
}

fn description(view: View) -> copy::Text {
    match view {
        View::Story => copy::STORY_STANDFIRST,
        _ => pages::charts::intro(view),
    }
}

fn title(view: View, lang: Lang) -> String {
    let app = copy::APP_NAME.get(lang);
    match view {
        View::Story => format!("{} · {app}", copy::STORY_TITLE.get(lang)),
        _ => format!("{} · {app}", shell::nav_label(view).get(lang)),
    }
}

fn bake(out: &Path, url: Option<String>) -> Result<usize, String> {
    let index_path = out.join("index.html");
    let index = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("{}: {e}", index_path.display()))?;
    let site = Site {
        data: Dataset::embedded(),
        out: out.to_path_buf(),
        head: head_assets(&index)?,
        url,
    };
    previews::write(&site)?;
    downloads::write(&site)?;
    let mut pages = 0;
    for view in View::ALL {
        for lang in [None, Some(Lang::Zh)] {
            let path = format!("{}{}", if lang.is_some() { "zh/" } else { "" }, view.path());
            let meta = PageMeta {
                path: path.clone(),
                view: Some(view),
                title: title(view, lang.unwrap_or(Lang::En)),
                description: description(view).get(lang.unwrap_or(Lang::En)).to_string(),
                lang,
                image: Some(previews::path(view, lang.unwrap_or(Lang::En))),
                embed: None,
            };
            let prefix = meta.prefix();
            let body = pages::body(&site, view, &prefix)?;
            site.write(
                &format!("{path}index.html"),
                shell::page(&site, &meta, body).as_bytes(),
            )?;
            pages += 1;
        }
    }
    for chart in talent_core::catalog::Chart::ALL {
        let path = format!("embed/{}/", chart.code());
        let meta = PageMeta {
            path: path.clone(),
            view: None,
            title: format!(
                "{} · {}",
                chart.text(site.data, Lang::En).title,
                copy::APP_NAME.get(Lang::En)
            ),
            description: chart.text(site.data, Lang::En).subtitle,
            lang: None,
            image: None,
            embed: Some(chart),
        };
        let body = pages::embed::body(&site, chart, &meta.prefix())?;
        site.write(
            &format!("{path}index.html"),
            shell::page(&site, &meta, body).as_bytes(),
        )?;
        pages += 1;
    }
    Ok(pages)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("bake") => {
            let Some(out) = args.get(1) else {
                eprintln!("usage: talent_site bake <build folder> [--url URL]");
                std::process::exit(2);
            };
            let url = args
                .iter()
                .position(|a| a == "--url")
                .and_then(|i| args.get(i + 1).cloned())
                .or_else(|| std::env::var("SITE_URL").ok().filter(|u| !u.is_empty()));
            let started = Instant::now();
            match bake(Path::new(out), url) {
                Ok(pages) => eprintln!(
                    "talent_site: baked {pages} pages in {:.1} s",
                    started.elapsed().as_secs_f64()
                ),
                Err(e) => {
                    eprintln!("talent_site: {e}");
                    std::process::exit(1);
                }
            }
        }
        Some("palette") => {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/palette.css");
            std::fs::write(&path, talent_charts::palette::css_variables())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
        _ => {
            eprintln!("usage: talent_site bake <build folder> [--url URL] | talent_site palette");
            std::process::exit(2);
        }
    }
}
