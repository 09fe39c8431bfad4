//! Every string of the Flows view, in English and Chinese. Figures are never written
//! here: templates name them (`{n}`) and the view fills them in from the data pack.

crate::i18n::messages! { FlowsMsg {
    Intro => "How AI researchers move: the career paths of three groups of people, the cities of an education network, and the regions where researchers studied and where they work. Hover, tap or use the keyboard on a chart for exact numbers; Table lists every flow.",
        "AI研究者如何流动：三组人群的职业路径、教育网络中的城市，以及研究者求学与工作的地区。将鼠标悬停、轻触或用键盘操作图表可查看精确数字；“表格”列出每一条流向。";
    CareersHeading => "Career paths", "职业路径";
    CareersLead => "Each column is one stage of a career, so a round trip (China, then the US, then China) runs left to right and never loops back. Grey hatched parts are what the source does not report.",
        "每一列是职业生涯的一个阶段，因此往返（中国→美国→中国）从左到右展开，不会绕回。灰色斜线部分是来源未报告的内容。";
    Dataset => "Data", "数据";
    PickCarnegie => "Carnegie 2025: the 2019 cohort", "卡内基2025：2019年队列";
    PickHoover => "DeepSeek's authors (Hoover 2025)", "DeepSeek作者（胡佛2025）";
    PickMacroPolo => "MacroPolo 2019 and 2022", "MacroPolo 2019与2022";
    CountedPeople => "Counted: {what} (n = {n})", "统计对象：{what}（n = {n}）";
    CountedPercent => "Counted: {what}; each sample is 100%", "统计对象：{what}；每个样本合计为100%";
    HooverDenominator => "Denominator: {n} authors with known affiliation histories. Seed 001 gives {m} (authors with complete data). Hoover's {pct}% with US ties matches {ties}/{n} = {a}, not {ties}/{m} = {b} (discrepancy d08). {rest} of the {ties} US-tied authors are not placed on any path by the source and are drawn as such.",
        "分母：{n}名有已知隶属关系记录的作者。种子文献001给出的是{m}人（信息完整的作者）。胡佛报告“{pct}%与美国有交集”对应{ties}/{n} = {a}，而非{ties}/{m} = {b}（不一致之处 d08）。{ties}名与美国有交集的作者中，有{rest}人来源未说明其路径，图中如实标出。";
    SourceCarnegie => "Carnegie Endowment for International Peace, Sheehan & Zhuang, 'Have Top Chinese AI Researchers Stayed in the United States?' (Dec 2025); seed 002",
        "卡内基国际和平基金会，Sheehan与Zhuang，《中国顶尖AI研究人员是否留在了美国？》（2025年12月）；种子文献002";
    SourceHoover => "Hoover Institution / Stanford, Zegart & Johnston, 'A Deep Peek into DeepSeek AI's Talent' (Apr 2025); seed 001 and secondary summaries",
        "胡佛研究所/斯坦福大学，Zegart与Johnston，《深入了解DeepSeek AI的人才》（2025年4月）；种子文献001及二手摘要";
    SourceMacroPolo => "MacroPolo Global AI Talent Tracker 1.0 (2020) and 2.0 (2024); seeds 001, 002, 004",
        "MacroPolo 全球AI人才追踪 1.0（2020）与 2.0（2024）；种子文献001、002、004";
    SourceTable2 => "Shanghai S&T Development Research Center brief 2024 No. 5, Table 2 (seed 000), AMiner AI 2000 data",
        "上海科技发展研究中心《科技发展研究》2024年第5期表2（种子文献000），AMiner AI 2000 数据";
    SourceCountries => "Derived by the app from MacroPolo Global AI Talent Tracker 1.0 shares (2019 data)",
        "本应用根据 MacroPolo 全球AI人才追踪 1.0 的占比（2019年数据）推算";
    From => "From", "从";
    To => "To", "到";
    Value => "Value", "数值";
    ShareOfSource => "Share of the source node", "占来源节点的比例";
    Basis => "Basis", "依据";
    Stated => "stated by the source", "来源给出";
    DerivedAs => "derived: {formula}", "推算：{formula}";
    NotReportedAs => "not reported; remainder {formula}", "未报告；余数 {formula}";
    NotReportedPart => "not reported by the source", "来源未报告";
    ShareOf => "{share} of {node} ({total})", "占{node}（{total}）的{share}";
    OfDenominator => "{share} of all {total}", "占全部{total}的{share}";
    People => "{n} researchers", "{n}人";
    PersonOne => "{n} researcher", "{n}人";
    PercentOfSample => "{n} of the sample", "占样本{n}";
    SankeyDescription => "Sankey diagram: {title}", "桑基图：{title}";
    CitiesHeading => "Cities: the education-flow network", "城市：教育流动网络";
    CitiesLead => "Table 2 of seed 000 ranks the 15 cities with the highest weighted degree in the network of where the global top 25 experts of each AI subfield earned their successive degrees. An edge runs from the city of one degree to the city of the next.",
        "种子文献000的表2列出了加权度最高的15个城市：网络描述各AI子领域全球前25名专家先后在哪些城市获得学位，每条边从一个学位所在城市指向下一个学位所在城市。";
    NetTitle => "Which cities gain talent and which are transit stations", "哪些城市吸引人才，哪些是“中转站”";
    NetSubtitle => "Net flow = weighted in-degree − weighted out-degree (Dwi − Dwo), top 15 cities by weighted degree (n = {n} cities), AMiner AI 2000 data to Feb 2024",
        "净流量 = 加权入度 − 加权出度（Dwi − Dwo），加权度前15名城市（n = {n}个城市），AMiner AI 2000 数据截至2024年2月";
    NetCaveat => "Cities with a net outflow ('transit stations', more degrees earned there before moving on than later degrees earned there): {list}.",
        "净流出的城市（“中转站”：在此获得学位后离开的多于来此获得后续学位的）：{list}。";
    Gain => "Net inflow (gains)", "净流入（吸引）";
    Loss => "Net outflow (transit station)", "净流出（中转站）";
    RegionLoss => "Net outflow (loses researchers)", "净流出（人才流失）";
    DotsTitle => "Arrivals and departures per city", "各城市的流入与流出";
    DotsSubtitle => "Weighted in-degree Dwi (later degrees earned here) and out-degree Dwo (earlier degrees earned here, then moved on), same {n} cities",
        "加权入度Dwi（在此获得后续学位）与加权出度Dwo（在此获得先前学位后离开），同样{n}个城市";
    DotsCaveat => "Table 2 gives each city's degrees, not the flows between cities, so no links are drawn: the app does not invent edges, and it cannot compute betweenness for these cities.",
        "表2只给出各城市的度数，没有城市之间的流向，因此图中不画连线：本应用不虚构边，也无法为这些城市计算介数中心性。";
    Arrivals => "Dwi: arrivals (filled dot)", "Dwi：流入（实心点）";
    Departures => "Dwo: departures (ring)", "Dwo：流出（空心圈）";
    CityTip => "Dwi {dwi} in, Dwo {dwo} out, net {net}", "流入Dwi {dwi}，流出Dwo {dwo}，净值 {net}";
    CityDetail => "Weighted degree Dw {dw}, rank {rank}", "加权度Dw {dw}，排名第{rank}";
    City => "City", "城市";
    Rank => "Rank", "排名";
    NetStated => "Net stated", "原文净值";
    NetComputed => "Dwi − Dwo (app)", "Dwi − Dwo（本应用）";
    CheckColumn => "Dw = Dwi + Dwo, net", "Dw = Dwi + Dwo，净值";
    ArithmeticHeading => "The table's own arithmetic", "表格自身的算术核查";
    SumHolds => "Dw = Dwi + Dwo holds for {k} of {n} cities.", "Dw = Dwi + Dwo 在{n}个城市中有{k}个成立。";
    NetHolds => "Dwi − Dwo equals the stated net for {k} of {n} cities.", "Dwi − Dwo 等于原文净值：{n}个城市中{k}个成立。";
    RankHolds => "The stated rank follows the Dw order for {k} of {n} cities (ties share a rank).", "原文排名与Dw排序一致：{n}个城市中{k}个（并列同名次）。";
    CountriesHeading => "Regions: where researchers studied and where they work", "地区：研究者在哪里求学、在哪里工作";
    CountriesLead => "The regions as a flow graph: each flow runs from the region of the undergraduate degree to the region of the employer. MacroPolo publishes shares, not this table; the app derives it from them (Sources & method shows how).",
        "把地区看作流动网络：每条流向从本科所在地区指向雇主所在地区。MacroPolo 只公布占比，并未公布这张表；本应用据其推算（推算方法见“来源与方法”）。";
    CountryTitle => "From undergraduate region to work region, top-tier AI researchers, {year}", "从本科地区到工作地区：顶尖AI研究者（{year}年）";
    CountrySubtitle => "MacroPolo {year} sample (NeurIPS authors, about the top 20%), per 100 researchers in the pool; every flow derived by the app",
        "MacroPolo {year}年样本（NeurIPS作者，约前20%），每100名研究者中的人数；所有流向均由本应用推算";
    CountryCaveat => "Derived, not published: MacroPolo gives margins and a few inner shares; the app fills the table in the order described in Sources & method. The rest of the world is one node.",
        "推算而非公布：MacroPolo 给出边际占比和少量内部占比；本应用按“来源与方法”所述步骤填出此表。世界其他地区合为一个节点。";
    PerHundred => "{n} per 100", "每100人中{n}人";
    RegionNetTitle => "Net gain or loss per region", "各地区的净流入或净流出";
    RegionNetSubtitle => "Researchers working in the region minus researchers who studied there, per 100 in the {year} pool (derived)",
        "在该地区工作的研究者减去在该地区读本科的研究者，每100人中（{year}年，推算）";
    RegionTip => "{arrive} arrived, {leave} left, {stay} stayed", "流入{arrive}，流出{leave}，留下{stay}";
    MetricsHeading => "Graph metrics of the moves (from the app's flow graph)", "流动网络指标（本应用的流动图）";
    MetricsNote => "Moves are the flows between two different regions; working where one studied is not a move and counts in no degree. Betweenness counts, for every ordered pair of other regions, the share of shortest routes (in moves, following their direction) that pass through the region (Brandes' algorithm), and is normalised by (n − 1)(n − 2).",
        "“流动”指不同地区之间的流向；在本科所在地区工作不算流动，不计入任何度数。介数中心性统计：对其他地区的每个有序对，最短路径（按流动步数、沿流动方向）中经过该地区的比例之和（Brandes算法），并除以(n − 1)(n − 2)归一化。";
    Region => "Region", "地区";
    Studied => "Studied here", "在此读本科";
    Working => "Work here", "在此工作";
    Stayed => "Stayed", "留在本地";
    InDegree => "Arrivals (weighted in-degree)", "流入（加权入度）";
    OutDegree => "Departures (weighted out-degree)", "流出（加权出度）";
    Degree => "Weighted degree", "加权度";
    Net => "Net", "净值";
    Betweenness => "Betweenness (normalised)", "介数中心性（归一化）";
    StayHome => "stayed in the region of the degree", "留在本科所在地区";
    Moved => "moved to another region", "迁往其他地区";
    MethodHeading => "Flows: how the diagrams are built", "流动：图表如何构建";
    MethodSummary => "How these flows are built (also in Sources & method)", "这些流向如何构建（亦见“来源与方法”）";
    MethodCareers => "Career-path Sankeys. Every value is a fact of the data pack; a part the source does not describe is computed as a remainder and drawn hatched as 'not reported', never spread over the reported parts. Denominators:",
        "职业路径桑基图。每个数值都是数据包中的事实；来源未说明的部分按余数计算，以斜线标为“未报告”，绝不分摊到已报告的部分。各图分母：";
    MethodDerived => "Derived flows:", "推算的流向：";
    MethodCountries => "Country flow graph. MacroPolo publishes the origin shares (country of the undergraduate degree), the work shares (country of the employer's headquarters), the origin mix of US-based researchers and the share of China-undergrad researchers at Chinese institutions, but not the origin × work table. The app fills the table per 100 researchers in this order: the US column from the US work share and the origin mix of US-based researchers (the rest of that column is rest-of-world origin); China-origin researchers in China from the share at Chinese institutions times the China origin share, capped at the China work share; nobody of US origin in China; each origin's remainder works in the rest of the world. Every row then adds up to its origin share and every column to its work share. The flows of the graph are the cells; the edges of the moves graph are the cells off the diagonal.",
        "国家流动图。MacroPolo 公布了来源占比（本科所在国）、工作占比（雇主总部所在国）、在美研究者的来源构成，以及中国本科出身研究者在中国机构的比例，但没有公布来源×工作的交叉表。本应用以每100名研究者为单位按以下顺序填表：美国一列由美国工作占比和在美研究者的来源构成得出（该列其余部分计为世界其他地区来源）；在中国工作的中国来源研究者 = 在中国机构的比例 × 中国来源占比，且不超过中国工作占比；美国来源者在中国工作计为0；各来源其余部分计入世界其他地区。这样每行之和等于来源占比，每列之和等于工作占比。图中的流向即表中各格；流动网络的边是对角线以外的格。";
    MethodFacts => "Facts used:", "所用事实：";
    MethodCities => "City network. Table 2 of seed 000 states, for 15 cities, the weighted degree Dw, in-degree Dwi, out-degree Dwo and net Dwi − Dwo, but no edges; the view charts those figures and shows the app's checks of the table's arithmetic (discrepancy record d30).",
        "城市网络。种子文献000的表2给出15个城市的加权度Dw、加权入度Dwi、加权出度Dwo与净值Dwi − Dwo，但没有给出边；本视图绘制这些数字，并展示本应用对表格算术的核查（记录 d30）。";
    OriginWork => "Origin \\ work", "来源 \\ 工作";
}}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}
