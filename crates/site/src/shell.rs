//! The frame of every page: `<head>` (Trunk's assets with their URLs made relative to the
//! page's folder, and the page's own title, description and link-preview tags), the site
//! header with the navigation and the language and theme controls, and the footer.

use crate::html::{bi, pair, tag};
use crate::Site;
use maud::{html, Markup, PreEscaped, DOCTYPE};
use talent_core::copy::{self, Text};
use talent_core::link::url_state::View;
use talent_core::Lang;

/// What a page says about itself in its head.
pub struct PageMeta {
    /// Folder of the page relative to the root ("" for the root, "flows/", "zh/flows/").
    pub path: String,
    /// The view it shows (for the navigation), if any.
    pub view: Option<View>,
    /// Title (the language of the page's link preview).
    pub title: String,
    /// One-line description.
    pub description: String,
    /// The language of its link preview and the one it opens in without another choice.
    pub lang: Option<Lang>,
    /// Link-preview picture relative to the root.
    pub image: Option<String>,
    /// The chart of a chart-only embed page.
    pub embed: Option<talent_core::catalog::Chart>,
}

impl PageMeta {
    /// `../` once per folder level of the page: the way back to the root.
    pub fn prefix(&self) -> String {
        "../".repeat(self.path.matches('/').count())
    }
}

/// The navigation names of the views.
pub const fn nav_label(view: View) -> Text {
    match view {
        View::Story => copy::NAV_STORY,
        View::Countries => copy::NAV_COUNTRIES,
        View::Subfields => copy::NAV_SUBFIELDS,
        View::Flows => copy::NAV_FLOWS,
        View::WhatIf => copy::NAV_WHATIF,
        View::Sources => copy::NAV_SOURCES,
    }
}

/// A whole page: the head, then `body` inside the site's header and footer.
pub fn page(site: &Site, meta: &PageMeta, body: Markup) -> String {
    let prefix = meta.prefix();
    let head_assets = relative_to(&site.head, &prefix);
    let absolute = |relative: &str| match &site.url {
        Some(url) => format!("{}{relative}", url.trim_end_matches('/').to_owned() + "/"),
        None => format!("{prefix}{relative}"),
    };
    let locale = match meta.lang {
        Some(Lang::Zh) => "zh_CN",
        _ => "en_US",
    };
    let alternate = match meta.lang {
        Some(Lang::Zh) => "en_US",
        _ => "zh_CN",
    };
    let markup = html! {
        (DOCTYPE)
        html lang=(tag(meta.lang.unwrap_or(Lang::En)))
            data-default-lang=[meta.lang.map(crate::html::code)]
            data-page=(meta.view.map_or("embed", |v| v.code()))
            data-embed=[meta.embed.map(|c| c.code())]
            data-root=(prefix)
        {
            head {
                (PreEscaped(head_assets))
                title { (meta.title) }
                meta name="description" content=(meta.description);
                meta property="og:type" content="website";
                meta property="og:site_name" content=(crate::html::both(copy::APP_NAME));
                meta property="og:title" content=(meta.title);
                meta property="og:description" content=(meta.description);
                meta property="og:locale" content=(locale);
                meta property="og:locale:alternate" content=(alternate);
                @if let Some(url) = &site.url {
                    meta property="og:url" content={ (url.trim_end_matches('/')) "/" (meta.path) };
                    link rel="canonical" href={ (url.trim_end_matches('/')) "/" (meta.path) };
                }
                @if let Some(image) = &meta.image {
                    meta property="og:image" content=(absolute(image));
                    meta property="og:image:width" content="1200";
                    meta property="og:image:height" content="630";
                    meta property="og:image:alt" content=(meta.title);
                    meta name="twitter:card" content="summary_large_image";
                    meta name="twitter:image" content=(absolute(image));
                }
                meta name="twitter:title" content=(meta.title);
                meta name="twitter:description" content=(meta.description);
                @if meta.embed.is_some() {
                    script src={ (prefix) "embed.js" } defer {}
                }
            }
            body.embed[meta.embed.is_some()] {
                @if meta.embed.is_some() {
                    (body)
                } @else {
                    a.skip href="#main" { (bi(copy::APP_SKIP)) }
                    (header(meta, &prefix))
                    (body)
                    (footer(&prefix))
                }
                p.app-failed role="alert" hidden { (bi(copy::APP_FAILED)) }
                noscript { p.noscript { (bi(copy::APP_NO_SCRIPT)) } }
            }
        }
    };
    crate::figure::eager_pictures(&markup.into_string(), meta.lang.unwrap_or(Lang::En))
}

/// Trunk's head with its URLs (relative to the root, with or without `./`) made relative
/// to a page `prefix` folders down.
fn relative_to(head: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(head.len() + 64);
    let mut rest = head;
    while let Some(at) = ["href=\"", "src=\"", "data-js=\"", "data-wasm=\""]
        .iter()
        .filter_map(|k| rest.find(k).map(|i| (i, k.len())))
        .min()
    {
        let (i, len) = at;
        out.push_str(&rest[..i + len]);
        rest = &rest[i + len..];
        let url = rest.split('"').next().unwrap_or("");
        let external = url.starts_with('/') || url.starts_with('#') || url.contains(':');
        if !external {
            out.push_str(prefix);
            out.push_str(url.strip_prefix("./").unwrap_or(url));
            rest = &rest[url.len()..];
        }
    }
    out.push_str(rest);
    out
}

fn header(meta: &PageMeta, prefix: &str) -> Markup {
    html! {
        header.site-header {
            a.brand href=(if prefix.is_empty() { "./" } else { prefix }) data-view="story" {
                span.app-name { (bi(copy::APP_NAME)) }
                span.tagline { (bi(copy::APP_TAGLINE)) }
            }
            nav.site-nav aria-labelledby="nav-label" {
                span.visually-hidden id="nav-label" { (bi(copy::APP_NAV_LABEL)) }
                ul {
                    @for view in View::ALL {
                        li {
                            a href={ (if prefix.is_empty() && view == View::Story { "./" } else { prefix }) (view.path()) }
                                data-view=(view.code())
                                aria-current=[(meta.view == Some(view)).then_some("page")]
                            { (bi(nav_label(view))) }
                        }
                    }
                }
            }
            div.prefs {
                div.lang-switch role="group" aria-labelledby="lang-label" {
                    span.visually-hidden id="lang-label" { (bi(copy::APP_LANGUAGE)) }
                    a.lang-choice href="?lang=en" hreflang="en" lang="en" data-lang="en" { "English" }
                    a.lang-choice href="?lang=zh" hreflang="zh-Hans" lang="zh-Hans" data-lang="zh" { "中文" }
                }
                button.theme-toggle type="button" hidden data-theme-toggle aria-pressed="false" {
                    (bi(copy::APP_THEME_DARK))
                }
            }
        }
    }
}

fn footer(prefix: &str) -> Markup {
    html! {
        footer.site-footer {
            p { (bi(copy::APP_FOOTER)) }
            p {
                a href={ (prefix) "sources/" } data-view="sources" { (bi(copy::NAV_SOURCES)) }
                (pair(" · ", "·"))
                a href={ (prefix) "downloads/ai-talent-atlas-data.zip" } download { (bi(copy::APP_DOWNLOAD_ALL)) }
            }
        }
    }
}
