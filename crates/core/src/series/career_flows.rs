//! The three career-path Sankeys, built from the embedded facts.
//!
//! Every figure is read from the data pack by fact id; remainders (parts the source did
//! not describe) are computed and shown as explicit 'not reported' nodes
//! (`reported = false`), never hidden or spread over the reported parts.
//!
//! - [`FlowKey::Carnegie2025`]: the 100 China-undergrad researchers at US institutions in
//!   2019, traced to their 2025 country and role (Carnegie Endowment, 2025).
//! - [`FlowKey::HooverDeepSeek2025`]: the DeepSeek authors with affiliation histories,
//!   by ties to the US and career path (Hoover/Stanford, 2025).
//! - [`FlowKey::MacroPoloChinaPathways`]: China-undergrad top-tier researchers in the
//!   MacroPolo 2019 and 2022 samples, in percent of each sample, by graduate-school or
//!   study location and work country where published.

use crate::copy::{self, Text};
use crate::data::{Dataset, Lang};
use crate::layout::sankey::{LayoutParams, SankeyError, SankeyLayout, SankeyLink, SankeyNode};
use crate::series::place::Place;
use std::fmt;

/// Below this a computed remainder counts as zero (no link is drawn).
const EPS: f64 = 1e-9;
/// A whole sample, in percent: the denominator of the MacroPolo flows.
const WHOLE_PERCENT: f64 = 100.0;

/// Which career-path Sankey.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FlowKey {
    /// Carnegie 2025 follow-up of the 2019 cohort.
    Carnegie2025,
    /// Hoover/Stanford 2025 analysis of DeepSeek authors.
    HooverDeepSeek2025,
    /// MacroPolo 2019 and 2022 pathways of China-undergrad researchers.
    MacroPoloChinaPathways,
}

impl FlowKey {
    /// All flows, in display order.
    pub const ALL: [FlowKey; 3] = [
        FlowKey::Carnegie2025,
        FlowKey::HooverDeepSeek2025,
        FlowKey::MacroPoloChinaPathways,
    ];

    /// Stable snake_case key (for URLs and translation keys).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Carnegie2025 => "carnegie_2025",
            Self::HooverDeepSeek2025 => "hoover_deepseek_2025",
            Self::MacroPoloChinaPathways => "macropolo_china_pathways",
        }
    }
}

/// What the flow values count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DenominatorUnit {
    /// Head count of people.
    People,
    /// Percent of a sample (percentage points).
    Percent,
}

/// The whole a flow is a part of.
#[derive(Clone, Debug, PartialEq)]
pub struct Denominator {
    /// Size of the whole (for percent flows: 100 per sample).
    pub value: f64,
    /// People or percent.
    pub unit: DenominatorUnit,
    /// Fact that states the whole, if it is a published figure.
    pub fact: Option<&'static str>,
    /// What the whole is.
    pub label: Text,
}

/// One node of a career-path Sankey.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowNode {
    /// Id, unique in its flow.
    pub id: &'static str,
    /// Stage (column), `0` on the left.
    pub stage: usize,
    /// Display label.
    pub label: Text,
    /// The place its colour stands for (the whole sample is neutral).
    pub place: Place,
    /// `false` for a remainder the source did not describe.
    pub reported: bool,
    /// Node value: the larger of its incoming and outgoing totals.
    pub value: f64,
    /// Fact that states this node's figure directly, if any.
    pub fact: Option<&'static str>,
}

/// One link of a career-path Sankey.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowLink {
    /// Source node id.
    pub source: &'static str,
    /// Target node id.
    pub target: &'static str,
    /// Flow size, in the unit of the denominator.
    pub value: f64,
    /// `value / value of the source node`, in `[0, 1]`.
    pub share_of_source: f64,
    /// How the value was computed when it is not a stated figure, e.g. `56% × 88%` or
    /// `10 − 2 − 2 − 5`.
    pub formula: Option<String>,
    /// Facts the value comes from.
    pub facts: Vec<&'static str>,
}

/// A career-path Sankey with its provenance.
#[derive(Clone, Debug, PartialEq)]
pub struct CareerFlow {
    /// Which flow.
    pub key: FlowKey,
    /// Translation key of the title, `career_flow.<key>.title`.
    pub title_key: &'static str,
    /// Title.
    pub title: Text,
    /// What the values are parts of.
    pub denominator: Denominator,
    /// Labels of the stages (columns), left to right.
    pub stages: Vec<Text>,
    /// Nodes, in drawing order (top to bottom within a stage).
    pub nodes: Vec<FlowNode>,
    /// Links, in drawing order.
    pub links: Vec<FlowLink>,
    /// Every fact the flow reads, in first-use order.
    pub source_facts: Vec<&'static str>,
    /// Discrepancy records that bear on the flow.
    pub discrepancies: Vec<&'static str>,
    /// Not-found records that explain 'not reported' parts.
    pub not_found: Vec<&'static str>,
    /// Caveat to show with the diagram.
    pub note: Text,
    /// The years its texts name, as `(placeholder, year)`: `{start}` and `{end}` of a
    /// follow-up, `{first}` and `{second}` of two samples.
    pub years: Vec<(&'static str, String)>,
}

/// Why a flow cannot be built from the data pack.
#[derive(Clone, Debug, PartialEq)]
pub enum FlowError {
    /// A fact is missing or not numeric.
    MissingFact(&'static str),
    /// Published parts add up to more than their whole.
    NegativeRemainder {
        /// The remainder node.
        node: &'static str,
        /// The computed value.
        value: f64,
    },
}

impl fmt::Display for FlowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingFact(id) => write!(f, "career flow needs numeric fact `{id}`"),
            Self::NegativeRemainder { node, value } => {
                write!(f, "career flow remainder `{node}` is negative ({value})")
            }
        }
    }
}

impl std::error::Error for FlowError {}

/// Formats a figure for a formula: `87`, `49.28`, `0.5`.
fn num(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.to_owned()
}

/// Collects nodes and links; node values and shares are filled in by `finish`.
struct Builder<'a> {
    data: &'a Dataset,
    facts: Vec<&'static str>,
    nodes: Vec<FlowNode>,
    links: Vec<FlowLink>,
}

impl<'a> Builder<'a> {
    fn new(data: &'a Dataset) -> Self {
        Self {
            data,
            facts: Vec::new(),
            nodes: Vec::new(),
            links: Vec::new(),
        }
    }

    /// Reads a numeric fact and records it as a source.
    fn fact(&mut self, id: &'static str) -> Result<f64, FlowError> {
        let value = self.data.number(id).ok_or(FlowError::MissingFact(id))?;
        if !self.facts.contains(&id) {
            self.facts.push(id);
        }
        Ok(value)
    }

    /// The year of a fact, for the texts that name it.
    fn year(&self, id: &'static str) -> Result<String, FlowError> {
        let fact = self.data.fact(id).ok_or(FlowError::MissingFact(id))?;
        Ok(fact.year.to_string())
    }

    fn node(
        &mut self,
        id: &'static str,
        stage: usize,
        place: Place,
        label: Text,
        fact: Option<&'static str>,
    ) {
        self.nodes.push(FlowNode {
            id,
            stage,
            label,
            place,
            reported: true,
            value: 0.0,
            fact,
        });
    }

    fn unreported(&mut self, id: &'static str, stage: usize, place: Place, label: Text) {
        self.node(id, stage, place, label, None);
        if let Some(node) = self.nodes.last_mut() {
            node.reported = false;
        }
    }

    /// Adds a link; a zero remainder adds nothing, a negative one is an error.
    fn link(
        &mut self,
        source: &'static str,
        target: &'static str,
        value: f64,
        formula: Option<String>,
        facts: &[&'static str],
    ) -> Result<(), FlowError> {
        if value < -EPS || !value.is_finite() {
            return Err(FlowError::NegativeRemainder {
                node: target,
                value,
            });
        }
        if value > EPS {
            self.links.push(FlowLink {
                source,
                target,
                value,
                share_of_source: 0.0,
                formula,
                facts: facts.to_vec(),
            });
        }
        Ok(())
    }

    /// Drops nodes without links, sets node values and link shares.
    fn finish(mut self) -> (Vec<FlowNode>, Vec<FlowLink>, Vec<&'static str>) {
        let links = &self.links;
        self.nodes
            .retain(|n| links.iter().any(|l| l.source == n.id || l.target == n.id));
        for node in &mut self.nodes {
            let inflow: f64 = links
                .iter()
                .filter(|l| l.target == node.id)
                .map(|l| l.value)
                .sum();
            let outflow: f64 = links
                .iter()
                .filter(|l| l.source == node.id)
                .map(|l| l.value)
                .sum();
            node.value = inflow.max(outflow);
        }
        for link in &mut self.links {
            let source = self.nodes.iter().find(|n| n.id == link.source);
            link.share_of_source = source.map_or(0.0, |n| link.value / n.value);
        }
        (self.nodes, self.links, self.facts)
    }
}

/// Carnegie 2025: 2019 cohort -> 2025 country -> 2025 role.
fn carnegie_2025(data: &Dataset) -> Result<CareerFlow, FlowError> {
    const COHORT: &str = "cg25_cohort_size";
    const US: &str = "cg25_still_us";
    const CN: &str = "cg25_moved_china";
    const OTHER: &str = "cg25_other_countries";
    const US_COMPANIES: &str = "cg25_us_companies";
    const US_PROFESSORS: &str = "cg25_us_professors";
    const US_PHD: &str = "cg25_us_phd_postdoc";
    const CN_FOUNDERS: &str = "cg25_returnee_founders";
    const CN_BIGTECH: &str = "cg25_returnee_bigtech_leaders";
    const CN_PROFESSORS: &str = "cg25_returnee_professors";

    let mut b = Builder::new(data);
    let cohort = b.fact(COHORT)?;
    let (us, cn, other) = (b.fact(US)?, b.fact(CN)?, b.fact(OTHER)?);
    let (us_co, us_prof, us_phd) = (
        b.fact(US_COMPANIES)?,
        b.fact(US_PROFESSORS)?,
        b.fact(US_PHD)?,
    );
    let (cn_found, cn_big, cn_prof) = (
        b.fact(CN_FOUNDERS)?,
        b.fact(CN_BIGTECH)?,
        b.fact(CN_PROFESSORS)?,
    );

    b.node(
        "cg_2019",
        0,
        Place::Neutral,
        copy::FLOWS_CARNEGIE_COHORT,
        Some(COHORT),
    );
    b.node("cg_us", 1, Place::Us, copy::FLOWS_CARNEGIE_US, Some(US));
    b.node("cg_cn", 1, Place::China, copy::FLOWS_CARNEGIE_CN, Some(CN));
    b.node(
        "cg_other",
        1,
        Place::Rest,
        copy::FLOWS_CARNEGIE_OTHER,
        Some(OTHER),
    );
    b.unreported(
        "cg_country_nr",
        1,
        Place::Neutral,
        copy::FLOWS_CARNEGIE_COUNTRY_NR,
    );
    b.node(
        "cg_us_companies",
        2,
        Place::Us,
        copy::FLOWS_CARNEGIE_US_COMPANIES,
        Some(US_COMPANIES),
    );
    b.node(
        "cg_us_professors",
        2,
        Place::Us,
        copy::FLOWS_CARNEGIE_US_PROFESSORS,
        Some(US_PROFESSORS),
    );
    b.node(
        "cg_us_phd",
        2,
        Place::Us,
        copy::FLOWS_CARNEGIE_US_PHD,
        Some(US_PHD),
    );
    b.unreported("cg_us_nr", 2, Place::Us, copy::FLOWS_CARNEGIE_US_NR);
    b.node(
        "cg_cn_founders",
        2,
        Place::China,
        copy::FLOWS_CARNEGIE_CN_FOUNDERS,
        Some(CN_FOUNDERS),
    );
    b.node(
        "cg_cn_bigtech",
        2,
        Place::China,
        copy::FLOWS_CARNEGIE_CN_BIGTECH,
        Some(CN_BIGTECH),
    );
    b.node(
        "cg_cn_professors",
        2,
        Place::China,
        copy::FLOWS_CARNEGIE_CN_PROFESSORS,
        Some(CN_PROFESSORS),
    );
    b.unreported("cg_cn_nr", 2, Place::China, copy::FLOWS_CARNEGIE_CN_NR);
    b.unreported("cg_other_nr", 2, Place::Rest, copy::FLOWS_CARNEGIE_OTHER_NR);

    b.link("cg_2019", "cg_us", us, None, &[US])?;
    b.link("cg_2019", "cg_cn", cn, None, &[CN])?;
    b.link("cg_2019", "cg_other", other, None, &[OTHER])?;
    b.link(
        "cg_2019",
        "cg_country_nr",
        cohort - us - cn - other,
        Some(format!(
            "{} − {} − {} − {}",
            num(cohort),
            num(us),
            num(cn),
            num(other)
        )),
        &[COHORT, US, CN, OTHER],
    )?;
    b.link("cg_us", "cg_us_companies", us_co, None, &[US_COMPANIES])?;
    b.link("cg_us", "cg_us_professors", us_prof, None, &[US_PROFESSORS])?;
    b.link("cg_us", "cg_us_phd", us_phd, None, &[US_PHD])?;
    b.link(
        "cg_us",
        "cg_us_nr",
        us - us_co - us_prof - us_phd,
        Some(format!(
            "{} − {} − {} − {}",
            num(us),
            num(us_co),
            num(us_prof),
            num(us_phd)
        )),
        &[US, US_COMPANIES, US_PROFESSORS, US_PHD],
    )?;
    b.link("cg_cn", "cg_cn_founders", cn_found, None, &[CN_FOUNDERS])?;
    b.link("cg_cn", "cg_cn_bigtech", cn_big, None, &[CN_BIGTECH])?;
    b.link("cg_cn", "cg_cn_professors", cn_prof, None, &[CN_PROFESSORS])?;
    b.link(
        "cg_cn",
        "cg_cn_nr",
        cn - cn_found - cn_big - cn_prof,
        Some(format!(
            "{} − {} − {} − {}",
            num(cn),
            num(cn_found),
            num(cn_big),
            num(cn_prof)
        )),
        &[CN, CN_FOUNDERS, CN_BIGTECH, CN_PROFESSORS],
    )?;
    b.link("cg_other", "cg_other_nr", other, None, &[OTHER])?;

    let years = vec![("start", b.year(COHORT)?), ("end", b.year(US)?)];
    let (nodes, links, source_facts) = b.finish();
    Ok(CareerFlow {
        key: FlowKey::Carnegie2025,
        title_key: "career_flow.carnegie_2025.title",
        title: copy::FLOWS_CARNEGIE_TITLE,
        denominator: Denominator {
            value: cohort,
            unit: DenominatorUnit::People,
            fact: Some(COHORT),
            label: copy::FLOWS_CARNEGIE_WHOLE,
        },
        stages: vec![
            copy::FLOWS_CARNEGIE_STAGE_START,
            copy::FLOWS_CARNEGIE_STAGE_COUNTRY,
            copy::FLOWS_CARNEGIE_STAGE_ROLE,
        ],
        nodes,
        links,
        source_facts,
        discrepancies: vec!["d22_carnegie_returnees", "d31_nationality_vs_undergrad"],
        not_found: Vec::new(),
        note: copy::FLOWS_CARNEGIE_NOTE,
        years,
    })
}

/// Hoover/Stanford 2025: DeepSeek authors -> ties to the US -> career path.
fn hoover_deepseek_2025(data: &Dataset) -> Result<CareerFlow, FlowError> {
    const ALL: &str = "hv25_authors_with_affiliation_history";
    const NEVER_LEFT: &str = "hv25_never_left_china";
    const US_TIES: &str = "hv25_us_ties";
    const RETURNED: &str = "hv25_us_ties_china_start_return";
    const US_START: &str = "hv25_us_ties_us_start_to_china";
    const STAYED_US: &str = "hv25_us_ties_china_start_now_us";

    let mut b = Builder::new(data);
    let all = b.fact(ALL)?;
    let (never, ties) = (b.fact(NEVER_LEFT)?, b.fact(US_TIES)?);
    let (returned, us_start, stayed) = (b.fact(RETURNED)?, b.fact(US_START)?, b.fact(STAYED_US)?);

    b.node(
        "hv_all",
        0,
        Place::Neutral,
        copy::FLOWS_HOOVER_ALL,
        Some(ALL),
    );
    b.node(
        "hv_never_left",
        1,
        Place::China,
        copy::FLOWS_HOOVER_NEVER_LEFT,
        Some(NEVER_LEFT),
    );
    b.node(
        "hv_us_ties",
        1,
        Place::Neutral,
        copy::FLOWS_HOOVER_US_TIES,
        Some(US_TIES),
    );
    b.unreported("hv_other_nr", 1, Place::Neutral, copy::FLOWS_OTHER_NR);
    b.node(
        "hv_returned",
        2,
        Place::China,
        copy::FLOWS_HOOVER_RETURNED,
        Some(RETURNED),
    );
    b.node(
        "hv_us_start",
        2,
        Place::China,
        copy::FLOWS_HOOVER_US_START,
        Some(US_START),
    );
    b.node(
        "hv_stayed_us",
        2,
        Place::Us,
        copy::FLOWS_HOOVER_STAYED_US,
        Some(STAYED_US),
    );
    b.unreported("hv_ties_nr", 2, Place::China, copy::FLOWS_HOOVER_TIES_NR);

    b.link("hv_all", "hv_never_left", never, None, &[NEVER_LEFT])?;
    b.link("hv_all", "hv_us_ties", ties, None, &[US_TIES])?;
    b.link(
        "hv_all",
        "hv_other_nr",
        all - never - ties,
        Some(format!("{} − {} − {}", num(all), num(never), num(ties))),
        &[ALL, NEVER_LEFT, US_TIES],
    )?;
    b.link("hv_us_ties", "hv_returned", returned, None, &[RETURNED])?;
    b.link("hv_us_ties", "hv_us_start", us_start, None, &[US_START])?;
    b.link("hv_us_ties", "hv_stayed_us", stayed, None, &[STAYED_US])?;
    b.link(
        "hv_us_ties",
        "hv_ties_nr",
        ties - returned - us_start - stayed,
        Some(format!(
            "{} − {} − {} − {}",
            num(ties),
            num(returned),
            num(us_start),
            num(stayed)
        )),
        &[US_TIES, RETURNED, US_START, STAYED_US],
    )?;

    let (nodes, links, source_facts) = b.finish();
    Ok(CareerFlow {
        key: FlowKey::HooverDeepSeek2025,
        title_key: "career_flow.hoover_deepseek_2025.title",
        title: copy::FLOWS_HOOVER_TITLE,
        denominator: Denominator {
            value: all,
            unit: DenominatorUnit::People,
            fact: Some(ALL),
            label: copy::FLOWS_HOOVER_WHOLE,
        },
        stages: vec![
            copy::FLOWS_HOOVER_STAGE_AUTHORS,
            copy::FLOWS_HOOVER_STAGE_TIES,
            copy::FLOWS_HOOVER_STAGE_PATH,
        ],
        nodes,
        links,
        source_facts,
        discrepancies: vec!["d08_deepseek_denominator", "d10_deepseek_us_path_split"],
        not_found: vec!["nf08_hoover_pdf"],
        note: copy::FLOWS_HOOVER_NOTE,
        years: Vec::new(),
    })
}

/// MacroPolo 2019 and 2022: China undergrad -> grad school or location -> work country.
fn macropolo_china_pathways(data: &Dataset) -> Result<CareerFlow, FlowError> {
    const IN_US_19: &str = "mp19_china_ug_in_us";
    const IN_CN_19: &str = "mp19_china_ug_in_china";
    const STAY_US_19: &str = "mp19_china_ug_us_grad_stay_us";
    const RETURN_CN_19: &str = "mp19_china_ug_us_grad_return_china";
    const GRAD_CN_22: &str = "mp22_china_ug_grad_in_china";
    const GRAD_US_22: &str = "mp22_china_ug_grad_in_us";

    let mut b = Builder::new(data);
    let whole = WHOLE_PERCENT;
    let (in_us, in_cn) = (b.fact(IN_US_19)?, b.fact(IN_CN_19)?);
    let (stay, back) = (b.fact(STAY_US_19)?, b.fact(RETURN_CN_19)?);
    let (grad_cn, grad_us) = (b.fact(GRAD_CN_22)?, b.fact(GRAD_US_22)?);
    let pct = |v: f64| format!("{}%", num(v));

    // 2019 sample.
    b.node(
        "mp19_ug",
        0,
        Place::Neutral,
        copy::FLOWS_MACROPOLO_FIRST_SAMPLE,
        None,
    );
    b.node(
        "mp19_us",
        1,
        Place::Us,
        copy::FLOWS_MACROPOLO_IN_US,
        Some(IN_US_19),
    );
    b.node(
        "mp19_cn",
        1,
        Place::China,
        copy::FLOWS_MACROPOLO_IN_CN,
        Some(IN_CN_19),
    );
    b.unreported("mp19_loc_nr", 1, Place::Neutral, copy::FLOWS_ELSEWHERE_NR);
    b.node(
        "mp19_us_work_us",
        2,
        Place::Us,
        copy::FLOWS_MACROPOLO_WORK_US,
        None,
    );
    b.node(
        "mp19_us_work_cn",
        2,
        Place::China,
        copy::FLOWS_MACROPOLO_WORK_CN,
        None,
    );
    b.unreported("mp19_us_work_nr", 2, Place::Neutral, copy::FLOWS_OTHER_NR);
    b.unreported(
        "mp19_cn_work_nr",
        2,
        Place::China,
        copy::FLOWS_WORK_COUNTRY_NR,
    );

    b.link("mp19_ug", "mp19_us", in_us, None, &[IN_US_19])?;
    b.link("mp19_ug", "mp19_cn", in_cn, None, &[IN_CN_19])?;
    b.link(
        "mp19_ug",
        "mp19_loc_nr",
        whole - in_us - in_cn,
        Some(format!("{} − {} − {}", pct(whole), pct(in_us), pct(in_cn))),
        &[IN_US_19, IN_CN_19],
    )?;
    b.link(
        "mp19_us",
        "mp19_us_work_us",
        in_us * stay / whole,
        Some(format!("{} × {}", pct(in_us), pct(stay))),
        &[IN_US_19, STAY_US_19],
    )?;
    b.link(
        "mp19_us",
        "mp19_us_work_cn",
        in_us * back / whole,
        Some(format!("{} × {}", pct(in_us), pct(back))),
        &[IN_US_19, RETURN_CN_19],
    )?;
    b.link(
        "mp19_us",
        "mp19_us_work_nr",
        in_us * (whole - stay - back) / whole,
        Some(format!(
            "{} × ({} − {} − {})",
            pct(in_us),
            pct(whole),
            pct(stay),
            pct(back)
        )),
        &[IN_US_19, STAY_US_19, RETURN_CN_19],
    )?;
    b.link("mp19_cn", "mp19_cn_work_nr", in_cn, None, &[IN_CN_19])?;

    // 2022 sample: the work-country split is not published (nf06).
    b.node(
        "mp22_ug",
        0,
        Place::Neutral,
        copy::FLOWS_MACROPOLO_SECOND_SAMPLE,
        None,
    );
    b.node(
        "mp22_grad_cn",
        1,
        Place::China,
        copy::FLOWS_MACROPOLO_GRAD_CN,
        Some(GRAD_CN_22),
    );
    b.node(
        "mp22_grad_us",
        1,
        Place::Us,
        copy::FLOWS_MACROPOLO_GRAD_US,
        Some(GRAD_US_22),
    );
    b.unreported("mp22_grad_nr", 1, Place::Neutral, copy::FLOWS_ELSEWHERE_NR);
    b.unreported(
        "mp22_grad_cn_work_nr",
        2,
        Place::China,
        copy::FLOWS_WORK_COUNTRY_NR,
    );
    b.unreported(
        "mp22_grad_us_work_nr",
        2,
        Place::Us,
        copy::FLOWS_WORK_COUNTRY_NR,
    );

    b.link("mp22_ug", "mp22_grad_cn", grad_cn, None, &[GRAD_CN_22])?;
    b.link("mp22_ug", "mp22_grad_us", grad_us, None, &[GRAD_US_22])?;
    b.link(
        "mp22_ug",
        "mp22_grad_nr",
        whole - grad_cn - grad_us,
        Some(format!(
            "{} − {} − {}",
            pct(whole),
            pct(grad_cn),
            pct(grad_us)
        )),
        &[GRAD_CN_22, GRAD_US_22],
    )?;
    b.link(
        "mp22_grad_cn",
        "mp22_grad_cn_work_nr",
        grad_cn,
        None,
        &[GRAD_CN_22],
    )?;
    b.link(
        "mp22_grad_us",
        "mp22_grad_us_work_nr",
        grad_us,
        None,
        &[GRAD_US_22],
    )?;

    let years = vec![
        ("first", b.year(IN_US_19)?),
        ("second", b.year(GRAD_CN_22)?),
    ];
    let (nodes, links, source_facts) = b.finish();
    Ok(CareerFlow {
        key: FlowKey::MacroPoloChinaPathways,
        title_key: "career_flow.macropolo_china_pathways.title",
        title: copy::FLOWS_MACROPOLO_TITLE,
        denominator: Denominator {
            value: whole,
            unit: DenominatorUnit::Percent,
            fact: None,
            label: copy::FLOWS_MACROPOLO_WHOLE,
        },
        stages: vec![
            copy::FLOWS_MACROPOLO_STAGE_UNDERGRAD,
            copy::FLOWS_MACROPOLO_STAGE_GRAD,
            copy::FLOWS_MACROPOLO_STAGE_WORK,
        ],
        nodes,
        links,
        source_facts,
        discrepancies: vec!["d23_stay_rate_definitions"],
        not_found: vec!["nf03_mp_grad_country", "nf06_mp22_china_pathway_work"],
        note: copy::FLOWS_MACROPOLO_NOTE,
        years,
    })
}

impl CareerFlow {
    /// Builds one flow from the data pack.
    ///
    /// # Errors
    /// [`FlowError`] when a fact is missing or the published parts exceed their whole.
    pub fn build(key: FlowKey, data: &Dataset) -> Result<Self, FlowError> {
        match key {
            FlowKey::Carnegie2025 => carnegie_2025(data),
            FlowKey::HooverDeepSeek2025 => hoover_deepseek_2025(data),
            FlowKey::MacroPoloChinaPathways => macropolo_china_pathways(data),
        }
    }

    /// A text of this flow in `lang`, its years filled in.
    ///
    /// ```
    /// use talent_core::series::career_flows::{CareerFlow, FlowKey};
    /// use talent_core::{Dataset, Lang};
    /// let flow = CareerFlow::build(FlowKey::Carnegie2025, Dataset::embedded()).unwrap();
    /// assert_eq!(flow.text(flow.stages[0], Lang::Zh), "2019年");
    /// ```
    pub fn text(&self, text: Text, lang: Lang) -> String {
        let values: Vec<(&str, &str)> = self.years.iter().map(|(k, v)| (*k, v.as_str())).collect();
        text.fill(lang, &values)
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&FlowNode> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// The link from `source` to `target`.
    pub fn link(&self, source: &str, target: &str) -> Option<&FlowLink> {
        self.links
            .iter()
            .find(|l| l.source == source && l.target == target)
    }

    /// The graph in the form the Sankey layout takes (same order as `nodes` and `links`).
    pub fn sankey_input(&self) -> (Vec<SankeyNode>, Vec<SankeyLink>) {
        let nodes = self
            .nodes
            .iter()
            .map(|n| SankeyNode {
                id: n.id.to_owned(),
                stage: n.stage,
                reported: n.reported,
            })
            .collect();
        let links = self
            .links
            .iter()
            .map(|l| SankeyLink::new(l.source, l.target, l.value))
            .collect();
        (nodes, links)
    }

    /// Lays the flow out; node and link indices match `nodes` and `links`.
    ///
    /// # Errors
    /// [`SankeyError`] for invalid layout parameters (the graph itself is always valid).
    pub fn layout(&self, params: &LayoutParams) -> Result<SankeyLayout, SankeyError> {
        let (nodes, links) = self.sankey_input();
        SankeyLayout::compute(&nodes, &links, params)
    }
}

/// All three career-path Sankeys, in display order.
///
/// # Errors
/// The first [`FlowError`] met.
pub fn career_flows(data: &Dataset) -> Result<Vec<CareerFlow>, FlowError> {
    FlowKey::ALL
        .iter()
        .map(|&key| CareerFlow::build(key, data))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOL: f64 = 1e-9;

    fn data() -> &'static Dataset {
        Dataset::embedded()
    }

    fn fact(id: &str) -> f64 {
        data().number(id).expect("numeric fact")
    }

    fn flow(key: FlowKey) -> CareerFlow {
        CareerFlow::build(key, data()).expect("flow builds")
    }

    fn value(flow: &CareerFlow, id: &str) -> f64 {
        flow.node(id).unwrap_or_else(|| panic!("node {id}")).value
    }

    fn link_value(flow: &CareerFlow, source: &str, target: &str) -> f64 {
        flow.link(source, target)
            .unwrap_or_else(|| panic!("link {source} -> {target}"))
            .value
    }

    fn outflow(flow: &CareerFlow, id: &str) -> f64 {
        flow.links
            .iter()
            .filter(|l| l.source == id)
            .map(|l| l.value)
            .sum()
    }

    #[test]
    fn carnegie_matches_the_facts() {
        let f = flow(FlowKey::Carnegie2025);
        // Cohort 100 = 87 + 10 + 3; no 'country not reported' node since the remainder is 0.
        assert_eq!(value(&f, "cg_2019"), fact("cg25_cohort_size"));
        assert_eq!(value(&f, "cg_2019"), 100.0);
        assert!(f.node("cg_country_nr").is_none());
        // US 87 = 41 + 40 + 6 (so no 'US role not reported' node either).
        assert_eq!(value(&f, "cg_us"), fact("cg25_still_us"));
        assert_eq!(value(&f, "cg_us"), 87.0);
        assert_eq!(outflow(&f, "cg_us"), 41.0 + 40.0 + 6.0);
        assert!(f.node("cg_us_nr").is_none());
        assert_eq!(
            link_value(&f, "cg_us", "cg_us_companies"),
            fact("cg25_us_companies")
        );
        // China 10 = 2 + 2 + 5 + 1 not described.
        assert_eq!(value(&f, "cg_cn"), fact("cg25_moved_china"));
        let rest = f.link("cg_cn", "cg_cn_nr").expect("remainder");
        assert_eq!(rest.value, 1.0);
        assert_eq!(rest.formula.as_deref(), Some("10 − 2 − 2 − 5"));
        assert!(!f.node("cg_cn_nr").expect("node").reported);
        // Other countries 3, roles not reported.
        assert_eq!(value(&f, "cg_other"), fact("cg25_other_countries"));
        assert_eq!(link_value(&f, "cg_other", "cg_other_nr"), 3.0);
        // Shares of the source: 41 / 87, 87 / 100.
        let share = f
            .link("cg_us", "cg_us_companies")
            .expect("link")
            .share_of_source;
        assert!((share - 41.0 / 87.0).abs() < TOL);
        assert!((f.link("cg_2019", "cg_us").expect("link").share_of_source - 0.87).abs() < TOL);
        assert_eq!(f.denominator.value, 100.0);
        assert_eq!(f.denominator.fact, Some("cg25_cohort_size"));
        assert_eq!(f.denominator.unit, DenominatorUnit::People);
    }

    #[test]
    fn hoover_shows_the_remainders_as_not_reported() {
        let f = flow(FlowKey::HooverDeepSeek2025);
        // Denominator 201 (not 211, see d08).
        assert_eq!(
            f.denominator.value,
            fact("hv25_authors_with_affiliation_history")
        );
        assert_eq!(value(&f, "hv_all"), 201.0);
        assert!(f.discrepancies.contains(&"d08_deepseek_denominator"));
        // 201 - 111 - 49 = 41 neither never-left nor US-tied.
        let other = f.link("hv_all", "hv_other_nr").expect("remainder");
        assert_eq!(other.value, 41.0);
        assert_eq!(other.formula.as_deref(), Some("201 − 111 − 49"));
        assert!(!f.node("hv_other_nr").expect("node").reported);
        // 49 = 19 + 11 + 9 + 10 not explained.
        assert_eq!(value(&f, "hv_us_ties"), fact("hv25_us_ties"));
        let unexplained = f.link("hv_us_ties", "hv_ties_nr").expect("remainder");
        assert_eq!(unexplained.value, 10.0);
        assert_eq!(unexplained.formula.as_deref(), Some("49 − 19 − 11 − 9"));
        assert!(!f.node("hv_ties_nr").expect("node").reported);
        assert_eq!(outflow(&f, "hv_us_ties"), 49.0);
        // 19 / 49 = 38.8% of the US-tied went China -> abroad -> China.
        let share = f
            .link("hv_us_ties", "hv_returned")
            .expect("link")
            .share_of_source;
        assert!((share - 19.0 / 49.0).abs() < TOL);
        // Never left China 111 = 55.2% of 201.
        let share = f
            .link("hv_all", "hv_never_left")
            .expect("link")
            .share_of_source;
        assert!((share - 111.0 / 201.0).abs() < TOL);
        assert_eq!(
            f.nodes.iter().filter(|n| !n.reported).count(),
            2,
            "exactly the two remainders"
        );
    }

    #[test]
    fn macropolo_keeps_formulas_and_marks_2022_work_unpublished() {
        let f = flow(FlowKey::MacroPoloChinaPathways);
        assert_eq!(f.denominator.unit, DenominatorUnit::Percent);
        assert_eq!(value(&f, "mp19_ug"), 100.0);
        assert_eq!(value(&f, "mp22_ug"), 100.0);
        // 2019: 56% in the US, 37% in China, 100 - 56 - 37 = 7% elsewhere / not reported.
        assert_eq!(value(&f, "mp19_us"), fact("mp19_china_ug_in_us"));
        assert_eq!(value(&f, "mp19_cn"), fact("mp19_china_ug_in_china"));
        let rest = f.link("mp19_ug", "mp19_loc_nr").expect("remainder");
        assert!((rest.value - 7.0).abs() < TOL);
        assert_eq!(rest.formula.as_deref(), Some("100% − 56% − 37%"));
        // 56% x 88% = 49.28%; 56% x 10% = 5.6%; 56% x (100% - 88% - 10%) = 1.12%.
        let stay = f.link("mp19_us", "mp19_us_work_us").expect("link");
        assert!((stay.value - 49.28).abs() < TOL);
        assert_eq!(stay.formula.as_deref(), Some("56% × 88%"));
        assert!((stay.share_of_source - 0.88).abs() < TOL);
        let back = f.link("mp19_us", "mp19_us_work_cn").expect("link");
        assert!((back.value - 5.6).abs() < TOL);
        assert_eq!(back.formula.as_deref(), Some("56% × 10%"));
        let other = f.link("mp19_us", "mp19_us_work_nr").expect("link");
        assert!((other.value - 1.12).abs() < TOL);
        assert!((other.share_of_source - 0.02).abs() < TOL);
        // 2022: ~51% China, ~36% US, 13% not reported; work stage one unpublished node each.
        assert_eq!(
            value(&f, "mp22_grad_cn"),
            fact("mp22_china_ug_grad_in_china")
        );
        assert_eq!(value(&f, "mp22_grad_us"), fact("mp22_china_ug_grad_in_us"));
        assert!((link_value(&f, "mp22_ug", "mp22_grad_nr") - 13.0).abs() < TOL);
        for grad in ["mp22_grad_cn", "mp22_grad_us"] {
            let out: Vec<&FlowLink> = f.links.iter().filter(|l| l.source == grad).collect();
            assert_eq!(out.len(), 1, "{grad}: a single work node");
            let node = f.node(out[0].target).expect("work node");
            assert!(!node.reported && node.stage == 2);
            assert!((out[0].share_of_source - 1.0).abs() < TOL);
        }
        assert!(f.not_found.contains(&"nf06_mp22_china_pathway_work"));
    }

    #[test]
    fn every_flow_is_consistent_and_lays_out() {
        let flows = career_flows(data()).expect("all flows");
        assert_eq!(flows.len(), 3);
        for f in &flows {
            let key = f.key.as_str();
            assert!(f.title_key.contains(key));
            assert_eq!(f.stages.len(), 3, "{key}");
            for id in &f.source_facts {
                assert!(data().number(id).is_some(), "{key}: fact {id}");
            }
            for id in &f.discrepancies {
                assert!(
                    data().discrepancies.iter().any(|d| d.id == *id),
                    "{key}: {id}"
                );
            }
            for id in &f.not_found {
                assert!(data().not_found.iter().any(|d| d.key == *id), "{key}: {id}");
            }
            if let Some(id) = f.denominator.fact {
                assert_eq!(data().number(id), Some(f.denominator.value));
            }
            // Stage 0 holds the whole (per sample for MacroPolo).
            for root in f.nodes.iter().filter(|n| n.stage == 0) {
                assert_eq!(root.value, f.denominator.value, "{key}: {}", root.id);
            }
            for node in &f.nodes {
                assert!(!node.label.en.is_empty() && !node.label.zh.is_empty());
                if let Some(id) = node.fact {
                    assert_eq!(data().number(id), Some(node.value), "{key}: {}", node.id);
                }
                let inflow: f64 = f
                    .links
                    .iter()
                    .filter(|l| l.target == node.id)
                    .map(|l| l.value)
                    .sum();
                let out = outflow(f, node.id);
                if inflow > 0.0 && out > 0.0 {
                    assert!((inflow - out).abs() < TOL, "{key}: {} balances", node.id);
                }
                assert!((node.value - inflow.max(out)).abs() < TOL);
            }
            for link in &f.links {
                let source = f.node(link.source).expect("source");
                let target = f.node(link.target).expect("target");
                assert!(source.stage < target.stage);
                assert!(link.value > 0.0);
                assert!((link.share_of_source - link.value / source.value).abs() < TOL);
                assert!(!link.facts.is_empty());
                // A value read from one fact needs no formula; a computed one says how.
                assert!(
                    link.formula.is_some() || link.facts.len() == 1,
                    "{key}: formula"
                );
            }
            let s = f.layout(&LayoutParams::new(800.0, 400.0)).expect("layout");
            assert_eq!(s.nodes.len(), f.nodes.len());
            for (laid, node) in s.nodes.iter().zip(&f.nodes) {
                assert_eq!(laid.id, node.id);
                assert!((laid.value - node.value).abs() < TOL);
                assert_eq!(laid.reported, node.reported);
            }
        }
    }

    #[test]
    fn a_missing_fact_is_an_error_not_a_panic() {
        let empty = Dataset::from_pack(crate::data::Pack::default()).expect("empty pack");
        for key in FlowKey::ALL {
            assert!(matches!(
                CareerFlow::build(key, &empty),
                Err(FlowError::MissingFact(_))
            ));
        }
    }

    #[test]
    fn labels_in_both_languages() {
        let f = flow(FlowKey::Carnegie2025);
        let us = f.node("cg_us").expect("node");
        assert_eq!(us.label.get(Lang::En), "United States");
        assert_eq!(us.label.get(Lang::Zh), "美国");
        assert!(!f.title.get(Lang::Zh).is_empty());
    }
}
