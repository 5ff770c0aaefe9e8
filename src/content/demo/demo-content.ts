/**
 * Demo content for Dateline: "The Dateline Courier", a fictional daily
 * newspaper published in the city of Halvern, capital of the fictional
 * Republic of Vellmark.
 *
 * Every person, place, party, company and event below is invented. The
 * articles are grouped into six running stories (topics) so that "related
 * news" can be judged: articles in the same story share topics, tags and
 * vocabulary, while articles in different stories are deliberately unrelated.
 *
 * Times are relative ("hoursAgo") so the site always looks freshly updated.
 */

export interface DemoSection { slug: string; name: string; description: string }
export interface DemoTopic { slug: string; name: string; description: string }
export interface DemoAuthor { slug: string; name: string; bio: string }
export interface DemoCorrection { hoursAfterPublish: number; kind: 'correction' | 'update'; text: string }
export interface DemoImage {
  alt: string
  caption: string
  credit: string
  /** 0-359, background hue for a locally generated illustration */
  hue: number
  /** a short word drawn on the generated image, e.g. "PARLIAMENT" */
  label: string
}
export interface DemoArticle {
  slug: string            // kebab-case, unique, <= 80 chars
  headline: string        // <= 110 chars
  standfirst: string      // one or two sentences, <= 280 chars
  section: string         // a DemoSection slug
  topics: string[]        // 0..2 DemoTopic slugs (the first is the label shown before the headline)
  tags: string[]          // 2..5 lowercase tag names, e.g. "energy prices"
  authors: string[]       // 1..2 DemoAuthor slugs, in byline order
  dateline: string        // place, e.g. "HALVERN"
  agency?: string         // e.g. "Northern Press Agency" for some articles (credit line "With information from …")
  hoursAgo: number        // published this many hours before "now"
  updatedHoursAfterPublish?: number
  body: string            // Markdown
  image?: DemoImage
  corrections?: DemoCorrection[]
  commentsOpen?: boolean  // default true
}

export const demoSections: DemoSection[] = [
  { slug: 'news', name: 'News', description: 'Breaking and local news from Halvern and across Vellmark, reported by the Courier newsroom.' },
  { slug: 'politics', name: 'Politics', description: 'The National Assembly, the government, the parties and the city council, covered without fear or favour.' },
  { slug: 'business', name: 'Business', description: 'Companies, markets, jobs and the money behind the headlines in Vellmark and beyond.' },
  { slug: 'world', name: 'World', description: 'International news from our correspondents and partner agencies, with a view from Halvern.' },
  { slug: 'science', name: 'Science', description: 'Research, the environment and clear explainers on the science that shapes everyday life.' },
  { slug: 'sport', name: 'Sport', description: 'Match reports, previews and features from the National League and the wider world of sport.' },
  { slug: 'culture', name: 'Culture', description: 'Reviews, books, theatre, film, art and the people who make them.' },
]

export const demoTopics: DemoTopic[] = [
  {
    slug: 'energy-crisis',
    name: 'Energy Crisis',
    description: 'Gas and electricity prices have soared since Garrenland cut pipeline supplies. How households, businesses and the government are coping with the winter bills.',
  },
  {
    slug: 'tram-line',
    name: 'Halvern Tram Line',
    description: 'Line 4, the new tram route from Eastgate to Northquay, is late and over budget. Our coverage of the works, the costs and the first test runs.',
  },
  {
    slug: 'coastal-floods',
    name: 'Coastal Floods',
    description: 'A storm surge swamped Brennick and Saltmere. The evacuation, the clean-up, the insurance claims and the argument over a new sea wall.',
  },
  {
    slug: 'general-election',
    name: 'General Election',
    description: 'Premier Oskar Dahlberg has called a snap general election. Polls, manifestos, debates and voters across Vellmark.',
  },
  {
    slug: 'championship',
    name: 'Championship Final',
    description: 'Halvern Rovers and Kestwick United on the road to the National League Championship final at Kingsmead.',
  },
  {
    slug: 'lake-oss-algae',
    name: 'Lake Oss Algae',
    description: 'A toxic blue-green algae bloom has closed the beaches of Lake Oss. What causes it, who pays, and what can be done about farm runoff.',
  },
]

export const demoAuthors: DemoAuthor[] = [
  { slug: 'elin-voss', name: 'Elin Voss', bio: 'Elin Voss is the Courier\'s political editor. She has covered the National Assembly for fourteen years and four general elections.' },
  { slug: 'tomas-hale', name: 'Tomas Hale', bio: 'Tomas Hale writes about business, energy and the economy. He previously reported on commodity markets for a financial newswire.' },
  { slug: 'noor-haddad', name: 'Noor Haddad', bio: 'Noor Haddad is the Courier\'s city reporter, covering Halvern council, transport and the neighbourhoods that make up the capital.' },
  { slug: 'jonas-brekke', name: 'Jonas Brekke', bio: 'Jonas Brekke is science and environment correspondent. He trained as a hydrologist before turning to journalism.' },
  { slug: 'sofia-reyes', name: 'Sofia Reyes', bio: 'Sofia Reyes is world affairs editor. She has reported from more than thirty countries and speaks five languages.' },
  { slug: 'callum-ward', name: 'Callum Ward', bio: 'Callum Ward is the Courier\'s chief sports writer. He has not missed a Rovers home match since 2009.' },
  { slug: 'lea-noren', name: 'Léa Norén', bio: 'Léa Norén is culture editor and theatre critic. She writes about books, film and the visual arts.' },
]

export const demoArticles: DemoArticle[] = [
  // ---------------------------------------------------------------------------
  // Running story: Energy Crisis
  // ---------------------------------------------------------------------------
  {
    slug: 'assembly-passes-winter-cap-on-household-gas-bills-after-all-night-sitting',
    headline: "Assembly passes winter cap on household gas bills after all-night sitting",
    standfirst: "Homes will pay no more than 1.40 crowns per kilowatt hour for gas until the end of March. The Treasury will cover the difference, at an estimated cost of 3.2 billion crowns.",
    section: 'politics',
    topics: ['energy-crisis'],
    tags: ['energy prices', 'price cap', 'household bills', 'national assembly'],
    authors: ['elin-voss', 'tomas-hale'],
    dateline: 'HALVERN',
    hoursAgo: 2.5,
    body: `The National Assembly passed a cap on household gas bills in the early hours of this morning, after a sitting that ran for more than fourteen hours and ended with the bill carried by 88 votes to 71.

The cap limits the unit price that suppliers can charge homes for gas to 1.40 crowns per kilowatt hour from the first of next month until the end of March. The Treasury will pay suppliers the difference between the cap and the wholesale price, at an estimated cost of 3.2 billion crowns over the winter.

## A late concession

Energy Minister Karin Aas secured the votes of the Green Coast Party only after agreeing, shortly before 3am, to review the cap every six weeks and to publish the cost of the subsidy paid to each supplier. Without that concession the bill would almost certainly have fallen.

> "Nobody in this chamber wanted to be here at four in the morning, but nobody in this country should have to choose between heating and eating," Aas told members before the vote.

The opposition Progressive Alliance voted against, arguing that the cap is too blunt and that its benefits will flow disproportionately to large homes that burn the most gas. Its energy spokesman, Per Haugen, said a targeted payment to low-income households would cost less than half as much. "We are subsidising heated swimming pools," he said.

## What it means for bills

The Treasury estimates that a typical three-bedroom home heated by gas will pay about 460 crowns a month this winter under the cap, compared with roughly 720 crowns without it. Households that rely on electric heating are not covered, a gap that consumer groups said would leave many tenants in older flats without help.

Suppliers, led by Nordvell Power, have said they can apply the lower price to bills from next month provided the subsidy payments arrive on time. The law still needs the formal signature of the President, which is expected later this week.`,
    image: {
      alt: "Members of the National Assembly seated in a wood-panelled chamber under bright lights late at night",
      caption: "Members remained in the chamber until shortly after 4am for the vote on the gas price cap.",
      credit: 'Photo: Mara Lindqvist / Courier',
      hue: 215,
      label: 'ASSEMBLY',
    },
  },
  {
    slug: 'nordvell-power-profits-triple-as-gas-prices-soar-reviving-windfall-tax-calls',
    headline: "Nordvell Power profits triple as gas prices soar, reviving windfall tax calls",
    standfirst: "The country's largest energy supplier made 1.9 billion crowns in three months, mostly from gas trading. Opposition parties say the case for a windfall tax is now overwhelming.",
    section: 'business',
    topics: ['energy-crisis'],
    tags: ['energy prices', 'nordvell power', 'windfall tax', 'corporate earnings'],
    authors: ['tomas-hale'],
    dateline: 'HALVERN',
    hoursAgo: 362,
    updatedHoursAfterPublish: 5,
    body: `Nordvell Power, Vellmark's largest gas and electricity supplier, said its operating profit for the third quarter rose to 1.9 billion crowns, almost three times the figure a year earlier, as wholesale gas prices climbed to record levels after Garrenland restricted flows through the Tessel pipeline.

The results, published before the market opened in Halvern, sent the company's shares up 6 per cent and immediately revived calls from opposition parties and consumer groups for a one-off windfall tax on energy companies.

Most of the gain came from Nordvell's trading arm and its stake in the offshore Kelda gas field, whose output is sold at market prices. The retail business, which supplies 1.4 million homes, made a small loss, the company said, because it had bought much of its gas in advance at lower prices and could not pass on all of the increase to customers.

> "We understand how this looks to a family struggling with its bills," said Ulrik Strand, Nordvell's chief executive. "We are reinvesting the large majority of these earnings in gas storage and in wind capacity that will make Vellmark less exposed next winter."

Analysts were less charitable. Hedda Rask, an energy analyst at Fjell Securities in Halvern, said the figures showed that "the crisis is a transfer from households to producers, and the question of who pays for a price cap is now impossible to avoid".

The government has so far resisted a windfall tax, with the Finance Minister, Petter Lund, arguing that it would deter investment in new gas storage. But several members of the governing Civic Union said privately that the numbers would make that position harder to hold.

Nordvell said it would pay an interim dividend of 2.10 crowns per share, up from 0.80 crowns last year. Its largest shareholder is the state, which owns 34 per cent of the company and stands to receive about 410 million crowns from the payout.`,
    image: {
      alt: "The glass entrance of the Nordvell Power headquarters, with the company logo above the revolving doors",
      caption: "Nordvell Power's headquarters in Halvern. The state owns a third of the company.",
      credit: 'Photo: Jörg Falk / Courier',
      hue: 38,
      label: 'NORDVELL',
    },
    corrections: [
      { hoursAfterPublish: 5, kind: 'update', text: "This article was updated to include comments from Nordvell Power's chief executive, Ulrik Strand." },
    ],
  },
  {
    slug: 'halvern-food-banks-report-record-demand-as-heating-bills-bite',
    headline: "Halvern food banks report record demand as heating bills bite",
    standfirst: "Volunteers say working families who once donated are now queuing for help, as the cost of keeping warm squeezes household budgets across the capital.",
    section: 'news',
    topics: ['energy-crisis'],
    tags: ['food banks', 'household bills', 'energy prices', 'cost of living'],
    authors: ['noor-haddad'],
    dateline: 'HALVERN',
    hoursAgo: 75,
    body: `By half past nine on a grey morning, the queue outside the Eastbrook community hall already stretches past the bakery on the corner. Inside, volunteers are sorting tins, nappies and, this year for the first time, blankets and hot-water bottles.

> "Last winter we fed about 180 families a week. Last week it was 412," said Greta Holm, who has run the Eastbrook food bank for eleven years. "And the people coming in are different. Nurses. Bus drivers. People with jobs."

## Heating before eating

Holm and her volunteers say the reason is the same almost every time: energy bills. Gas prices for households have more than doubled since the summer, and many of the flats in Eastbrook, built in the 1960s, are poorly insulated and heated by ageing gas boilers.

Lukas Berg, a warehouse worker and father of three, said his monthly gas bill had risen from 310 crowns to 690. "You pay the gas first, because if you don't they cut you off. Then you see what's left for food," he said, holding a bag of pasta, rice and tinned fish.

The Halvern Food Network, which coordinates 23 food banks across the city, said demand in October was the highest it had ever recorded, up 61 per cent on the same month last year. Donations from supermarkets have held steady, but cash donations from individuals have fallen.

## Waiting for the cap

Charities have welcomed the government's proposed cap on household gas prices, now before the National Assembly, but say it will come too late for families who have already fallen behind on their bills. The network has asked the city council to open heated "warm rooms" in libraries and schools in the evenings, a request the council says it is considering.

Back in the hall, a volunteer hands out the last of the blankets before eleven o'clock. Holm says she will have to appeal for more. "People are generous," she said. "But generosity is not an energy policy."`,
    image: {
      alt: "Volunteers in aprons packing tins and blankets into bags on long tables inside a community hall",
      caption: "Volunteers at the Eastbrook food bank now hand out blankets and hot-water bottles as well as food.",
      credit: 'Photo: Mara Lindqvist / Courier',
      hue: 28,
      label: 'FOOD BANK',
    },
  },
  {
    slug: 'explainer-why-the-price-of-gas-sets-the-price-of-your-electricity',
    headline: "Explainer: why the price of gas sets the price of your electricity",
    standfirst: "Only a fifth of Vellmark's power comes from gas, yet electricity bills have followed gas prices upwards. The reason lies in how the wholesale market works.",
    section: 'science',
    topics: ['energy-crisis'],
    tags: ['energy prices', 'electricity market', 'gas', 'explainer'],
    authors: ['jonas-brekke', 'tomas-hale'],
    dateline: 'HALVERN',
    hoursAgo: 265,
    body: `It is one of the questions readers have sent us most often this autumn: if most of Vellmark's electricity comes from hydropower, wind and the nuclear plant at Torvik, why has the price of power risen almost as fast as the price of gas?

The short answer is that electricity is traded in a market where the most expensive plant needed to meet demand sets the price for everyone. At most hours of the day, that plant burns gas.

## How the daily auction works

Every day, generators offer their power for each hour of the following day at the lowest price they are willing to accept. The grid operator then ranks the offers from cheapest to dearest:

- Wind and solar farms bid close to zero, because their fuel is free.
- Hydropower and nuclear plants come next, with low running costs.
- Gas-fired plants come last, because they must buy their fuel at market prices.

Offers are accepted, starting from the cheapest, until supply matches expected demand. The price of the last offer accepted, known as the *marginal* price, is then paid to every generator for that hour, whatever its own costs.

Economists defend the system because it rewards cheap, clean generation and signals when new power plants are needed. When gas was cheap, the effect was hardly noticed. Now that gas costs four times what it did two years ago, wind farm owners and hydropower operators are earning extraordinary sums, and households are paying for it.

> "The market is doing exactly what it was built to do. The problem is that it was never built for a gas shock of this size," said Professor Ingrid Walde, an energy economist at the University of Halvern.

Some countries have begun to separate the price paid to gas plants from the price paid to renewable generators. Vellmark's energy regulator has said it is studying the idea, but warned that any change to the electricity market would take at least a year to put in place.`,
    image: {
      alt: "High-voltage power lines crossing a valley towards a gas-fired power station with two chimneys",
      caption: "The Rydal gas-fired power station often sets the price of electricity for the whole country.",
      credit: 'Photo: Jörg Falk / Courier',
      hue: 50,
      label: 'POWER',
    },
  },
  {
    slug: 'garrenland-halts-gas-flows-through-tessel-pipeline-citing-maintenance',
    headline: "Garrenland halts gas flows through Tessel pipeline, citing maintenance",
    standfirst: "The shutdown cuts off about a third of Vellmark's gas imports as winter approaches. Halvern says the 'maintenance' is a pressure tactic in a dispute over transit fees.",
    section: 'world',
    topics: ['energy-crisis'],
    tags: ['gas supply', 'garrenland', 'pipelines', 'energy prices'],
    authors: ['sofia-reyes'],
    dateline: 'DROSSEL',
    agency: 'Northern Press Agency',
    hoursAgo: 430,
    body: `Garrenland's state gas company, Garrengas, stopped pumping gas through the Tessel pipeline early this morning, saying a compressor station near the border needed urgent repairs that could take "several weeks".

The pipeline carries about a third of the gas that Vellmark imports, and the shutdown comes as the country's storage sites are around 78 per cent full, below the 90 per cent the government had targeted by the start of the heating season.

Officials in Halvern rejected the technical explanation. The two countries have been negotiating for months over the fees Garrenland charges for gas that crosses its territory, and talks broke down last week without agreement.

> "Compressors do not break down on the day after negotiations collapse," said Vellmark's foreign minister, Rikard Almqvist. "We will not be pressured into paying a price that was set in Drossel for political reasons."

A spokeswoman for Garrengas, Milena Horak, said the company had informed its customers in line with its contracts and that engineers were "working around the clock". She declined to give a date for the resumption of gas flows.

Wholesale gas prices in Halvern jumped 27 per cent within hours of the announcement, and the price of electricity for delivery next month rose by nearly a fifth. Traders said the market was pricing in the possibility that the pipeline stays shut for the whole winter.

The Vellmark government said it would seek extra deliveries of liquefied natural gas through the import terminal at Skarvik, and would ask large industrial users to prepare plans to cut their gas consumption if supplies run short. Energy Minister Karin Aas said there was "no immediate risk" to household supplies, but urged homes and businesses to turn their heating down by one degree this winter. Officials estimate that this alone would cut the country's gas demand by around 5 per cent.`,
    image: {
      alt: "A large grey compressor station with pipes and valves behind a security fence, under a cloudy sky",
      caption: "Garrengas says repairs are needed at a compressor station on the Tessel pipeline near the border.",
      credit: 'Photo: Northern Press Agency',
      hue: 200,
      label: 'PIPELINE',
    },
  },
  {
    slug: 'ferrow-glassworks-cuts-night-shift-as-gas-costs-triple',
    headline: "Ferrow glassworks cuts night shift as gas costs triple",
    standfirst: "Ostberg Glass, one of the town's oldest employers, says 140 workers will lose their night shifts until energy prices fall. Unions say industry has been forgotten.",
    section: 'business',
    topics: ['energy-crisis'],
    tags: ['energy prices', 'manufacturing', 'jobs', 'ferrow'],
    authors: ['tomas-hale'],
    dateline: 'FERROW',
    hoursAgo: 170,
    body: `The furnaces at Ostberg Glass in Ferrow have burned almost without interruption since 1952. From next month, one of the three will be allowed to cool for the first time in a generation, and the factory's night shift will stop.

The company, which makes bottles and jars for food and drink producers across the region, said its gas bill for this year is on course to reach 96 million crowns, compared with 31 million last year. Gas provides most of the energy needed to keep glass molten at about 1,500 degrees.

> "A glass furnace is not a light switch. Shutting one down costs money and restarting it costs more," said managing director Annelie Ostberg, whose grandfather founded the firm. "But we cannot keep selling jars at a loss."

About 140 of the plant's 520 workers will move from three shifts to two, losing night premiums worth up to a quarter of their pay. The company says there will be no redundancies this year, but would not make promises beyond that.

For Ferrow, a town of 31,000 people at the foot of the northern hills, the glassworks is more than an employer. Local suppliers of sand, packaging and haulage depend on it, and the town council estimates that another 300 jobs are linked to the plant.

Ove Lindahl, who represents workers at the plant for the industrial union IVF, said members understood the pressure but were angry that the government's proposed price cap for households does nothing for industry. "Families get help with their energy bills. The places where those families earn the money to pay them get nothing," he said.

The Ministry of Industry said it was preparing a separate support scheme for energy-intensive manufacturers, which it expects to announce within weeks. Business groups have asked for it to cover at least half of the increase in gas costs.`,
  },
  // ---------------------------------------------------------------------------
  // Running story: Halvern Tram Line
  // ---------------------------------------------------------------------------
  {
    slug: 'halverns-line-4-tram-project-38-million-crowns-over-budget-audit-finds',
    headline: "Halvern's Line 4 tram project 38 million crowns over budget, audit finds",
    standfirst: "The city auditor blames late design changes and surprises beneath Mill Street. The new tram line will also open at least six months later than promised.",
    section: 'news',
    topics: ['tram-line'],
    tags: ['line 4', 'public transport', 'halvern council', 'audit'],
    authors: ['noor-haddad'],
    dateline: 'HALVERN',
    hoursAgo: 410,
    updatedHoursAfterPublish: 20,
    body: `The new tram line linking Eastgate with Northquay will cost at least 38 million crowns more than the city council budgeted, according to a report by the city auditor published today, and will not carry passengers before next summer.

Line 4, a 7.4-kilometre route with 14 stops, was approved three years ago at a cost of 212 million crowns. The auditor, Birgit Sandvik, now puts the likely final cost at 250 million, an overrun of 18 per cent, and says it could rise further.

## Pipes, cables and a tannery

The report, which is [published in full on the council website](https://example.org/halvern/line-4-audit-report), identifies three main causes. Water mains and telecoms cables under Mill Street were found in places that did not match the city's records, forcing contractors to redesign two sections of track. The discovery of a medieval tannery during excavations halted work for nine weeks. And the council changed the design of the Eastgate terminus after construction had begun.

> "None of these problems was unforeseeable on its own. Together they show a project that started digging before it had finished planning," Sandvik writes.

The contractor, Brask & Tolle, said in a statement that it had "delivered every section on time once the council's revised designs were available" and that it would co-operate fully with any review.

## Opening delayed

The Halvern Transit Authority, which will run the trams, had told residents last year that the line would open this winter. It now says passenger services will begin "in the first half of next year", after a period of test runs and driver training.

Councillor Davi Serrano, who chairs the transport committee, said Line 4 remained "the right project for Halvern" and that he would ask the council for the extra money next month. Opposition councillors called for an independent inquiry into how the tram project was managed.`,
    image: {
      alt: "Newly laid tram rails running down the middle of a dug-up street lined with orange barriers and shops",
      caption: "Track for Line 4 on Mill Street. Utility pipes under the street were not where the city's maps said they would be.",
      credit: 'Photo: Mara Lindqvist / Courier',
      hue: 25,
      label: 'LINE 4',
    },
    corrections: [
      { hoursAfterPublish: 20, kind: 'correction', text: "An earlier version of this article said Line 4 is 9.4 kilometres long. The route is 7.4 kilometres long." },
    ],
  },
  {
    slug: 'mill-street-traders-say-line-4-tram-works-have-halved-their-takings',
    headline: "Mill Street traders say Line 4 tram works have halved their takings",
    standfirst: "Shopkeepers on one of Halvern's oldest streets want compensation for months of barriers, diggers and diversions. The council says its hardship fund is open.",
    section: 'business',
    topics: ['tram-line'],
    tags: ['line 4', 'small business', 'mill street', 'roadworks'],
    authors: ['noor-haddad', 'tomas-hale'],
    dateline: 'HALVERN',
    hoursAgo: 290,
    body: `For almost two years, the view from the window of Pia Vester's shoe repair shop on Mill Street has been a wall of orange barriers. Behind them, diggers have been laying the track for Line 4, the tram route that the city council says will transform the east of Halvern.

> "They tell me that when the trams come, the customers will come. I hope I am still here to see it," said Vester, 61, who has mended shoes on the street for 34 years. Her takings, she says, are down by more than half.

She is not alone. A survey of 86 businesses on and around Mill Street by the Eastgate Traders' Association found that 71 had seen sales fall since the tram works began, with an average drop of 43 per cent. Nine shops have closed, and four more have said they will not renew their leases.

The council set up a hardship fund for traders affected by the works, offering grants of up to 25,000 crowns. Traders say the application process is slow and the sums are too small to cover lost income. Of 2.5 million crowns set aside, only 640,000 has been paid out.

Tariq Osman, who chairs the traders' association and runs a café at the western end of the street, said businesses had been promised that the works would move in short sections, with no stretch closed for longer than three months. "Some parts have been dug up for more than a year," he said.

The council's transport committee said it had extended the fund's deadline and simplified the application form, and that signs directing shoppers to stores that are "open as usual" would be put up along the tram route.

Economists who have studied tram projects elsewhere say trade usually recovers within two to three years of a line opening, and often exceeds its previous level. For shops already living on their savings, that is cold comfort. "Two years," said Vester. "I do not have two years."`,
    image: {
      alt: "An elderly woman in a leather apron stands in the doorway of a small shoe repair shop, with construction barriers outside",
      caption: "Pia Vester outside her shoe repair shop on Mill Street, where tram works have blocked the pavement for months.",
      credit: 'Photo: Mara Lindqvist / Courier',
      hue: 18,
      label: 'MILL ST',
    },
  },
  {
    slug: 'council-approves-extra-38-million-crowns-for-line-4-tram-after-heated-debate',
    headline: "Council approves extra 38 million crowns for Line 4 tram after heated debate",
    standfirst: "Councillors backed the funding by 31 votes to 24, attaching conditions on cost reports and a review of the contract. Mill Street traders watched from the public gallery.",
    section: 'politics',
    topics: ['tram-line'],
    tags: ['line 4', 'halvern council', 'public transport', 'city budget'],
    authors: ['noor-haddad'],
    dateline: 'HALVERN',
    hoursAgo: 121,
    body: `Halvern city council last night voted to give the Line 4 tram project an extra 38 million crowns, ending weeks of uncertainty over whether the delayed route from Eastgate to Northquay would be finished at all.

The money was approved by 31 votes to 24 after a four-hour meeting in which the city auditor was questioned at length about the overruns, and in which more than a dozen Mill Street traders watched from the public gallery.

> "Stopping now would mean paying for a trench through the middle of the city and getting nothing for it," said Councillor Davi Serrano, chair of the transport committee, who proposed the motion.

Opponents argued that the council was rewarding poor planning. Councillor Marit Holmberg said the city had "given a blank cheque to a contractor that has missed every deadline" and called for the contract with Brask & Tolle to be renegotiated.

## Conditions attached

To win over waverers, the ruling group agreed to several conditions:

- monthly public reports on the cost and timetable of the tram project;
- an independent review of the contract with Brask & Tolle;
- an increase in the hardship fund for Mill Street traders from 2.5 to 4 million crowns.

Most of the extra money will come from the council's reserves, with the rest borrowed over 25 years. The council says the cost to a typical household will be about 40 crowns a year in additional property tax.

The Halvern Transit Authority said the first trams would begin test runs on Line 4 within days, with passenger services still expected in the first half of next year. Serrano said the first monthly cost report would be published before Christmas, and promised that councillors would "never again have to learn about an overrun from the auditor".`,
  },
  {
    slug: 'beneath-the-tram-tracks-a-medieval-tannery-tells-the-story-of-mill-street',
    headline: "Beneath the tram tracks, a medieval tannery tells the story of Mill Street",
    standfirst: "Archaeologists working alongside the Line 4 tram works have uncovered leather, tools and a child's shoe from the 14th century. The finds go on display at the City Museum next spring.",
    section: 'culture',
    topics: ['tram-line'],
    tags: ['archaeology', 'line 4', 'mill street', 'city history'],
    authors: ['lea-noren'],
    dateline: 'HALVERN',
    hoursAgo: 220,
    body: `When the diggers working on Halvern's new Line 4 tram stopped at the corner of Mill Street and Cooper's Lane last spring, shopkeepers feared yet another delay. For the city's archaeologists, it was the find of a decade.

Beneath a metre of rubble and 19th-century paving, the team uncovered the stone-lined pits of a medieval tannery, where animal hides were soaked in lime and oak bark to make leather. Radiocarbon dating places the oldest pits in the early 14th century, making them among the earliest industrial remains ever found in the city.

> "We knew from documents that Mill Street took its name from the water mills on the stream. We did not know that people were tanning leather here a hundred years before the first mill is recorded," said Dr Halvor Ness, the city archaeologist who led the excavation.

## A child's shoe

Among more than 2,000 objects recovered are scraping knives, bone needles, offcuts of leather and a small, almost complete shoe, made for a child of about five. Its sole is worn through at the heel. It is the object, Ness says, that visitors always ask about.

The excavation lasted nine weeks and added to the cost of the tram project, a fact not lost on the city auditor. But Ness argues that the dig has given the works something rare: a story that residents have embraced. More than 6,000 people visited the site on two open days, many of them from the streets around Mill Street itself.

## On display next spring

The finds are now being cleaned and conserved at the City Museum, which plans a small exhibition, *Hides and Water*, to open next spring. The museum's director, Kaja Sund, said the shoe would be at its centre.

"Cities like to tell the story of their palaces and churches," she said. "This is the story of the people who did the dirty, smelly work that made a city possible."`,
    image: {
      alt: "Archaeologists kneeling in a trench beside stone-lined pits, with tram rails and a digger visible above them",
      caption: "Excavating the tannery pits at the corner of Mill Street and Cooper's Lane during a pause in the tram works.",
      credit: 'Photo: Halvern City Museum',
      hue: 32,
      label: 'TANNERY',
    },
  },
  {
    slug: 'first-line-4-tram-makes-test-run-through-eastgate',
    headline: "First Line 4 tram makes test run through Eastgate",
    standfirst: "Residents lined the pavements as an empty tram crept along the new tracks at walking pace. Passenger services are still months away.",
    section: 'news',
    topics: ['tram-line'],
    tags: ['line 4', 'public transport', 'test run', 'eastgate'],
    authors: ['noor-haddad'],
    dateline: 'HALVERN',
    hoursAgo: 20,
    body: `Shortly after ten o'clock last night, a blue and white tram slid out of the new depot at Eastgate and, at little more than walking pace, made the first test journey on Halvern's Line 4.

The tram carried no passengers, only engineers, two drivers in training and rows of water-filled drums standing in for the weight of a full load. It travelled 1.8 kilometres to the Mill Street stop and back, a trip that took almost an hour as engineers checked clearances at every pole and platform.

Despite the late hour, a few hundred people gathered along the route to watch, some filming on their phones, others applauding as the tram glided past shuttered shops.

> "I have been looking at holes in the road for two years. I wanted to see it actually move," said Johan Sievert, who lives above a bakery on Mill Street.

The Halvern Transit Authority said test runs would continue at night for several weeks and would gradually extend to the full 7.4-kilometre route to Northquay. Daytime testing, with trams running in traffic at normal speeds, is due to begin in the new year.

Hanna Lie, the authority's head of operations, said the first run had gone "as smoothly as a first run ever goes", with a handful of minor adjustments needed to the overhead wires near the Eastgate terminus.

The line, which is running 38 million crowns over budget and about six months behind schedule, is expected to open to passengers in the first half of next year. The city council approved the additional funding last week after a contentious debate.

> "Tonight was the first time it felt real," said Councillor Davi Serrano, who was on board. "There is still a great deal of work to do before the first passenger buys a ticket."`,
    image: {
      alt: "A blue and white tram lit up at night on new tracks, with a small crowd watching from the pavement",
      caption: "The first Line 4 test tram on its way to the Mill Street stop.",
      credit: 'Photo: Jörg Falk / Courier',
      hue: 230,
      label: 'TRAM',
    },
  },
  // ---------------------------------------------------------------------------
  // Running story: Coastal Floods
  // ---------------------------------------------------------------------------
  {
    slug: 'storm-surge-floods-brennick-harbour-as-hundreds-are-evacuated',
    headline: "Storm surge floods Brennick harbour as hundreds are evacuated",
    standfirst: "The sea rose more than two metres above normal high tide as Storm Edda drove water into the old town. Coastguards rescued 40 people from homes and cars.",
    section: 'news',
    topics: ['coastal-floods'],
    tags: ['storm surge', 'flooding', 'brennick', 'evacuation'],
    authors: ['jonas-brekke'],
    dateline: 'BRENNICK',
    agency: 'Northern Press Agency',
    hoursAgo: 385,
    updatedHoursAfterPublish: 4,
    body: `The sea broke over the harbour wall in Brennick shortly before midnight, flooding the old town to a depth of more than a metre in places and forcing the evacuation of about 900 residents, as Storm Edda drove a surge of water along the south-west coast.

The Vellmark Meteorological Institute said the water level at Brennick peaked at 2.31 metres above the normal high tide, the highest reading since records began in 1911. Winds gusted to 140 kilometres an hour at the harbour mouth.

## Rescues in the dark

Coastguard and fire crews used boats to reach people trapped in houses along Quay Street and Fisher's Row, where the water rose within minutes. Forty people were rescued, including an elderly couple lifted from the roof of their car. No deaths have been reported, but three people were taken to hospital with hypothermia.

> "It came in like a river. One minute the street was wet, the next the water was up to my waist," said Ida Marsh, 34, who waded out of her ground-floor flat carrying her daughter.

Evacuees spent the night in the town's sports hall and in two schools on higher ground. The Red Cross said it had handed out more than 1,200 blankets and was setting up a centre for people whose homes cannot be lived in.

## Saltmere also hit

Further along the coast, the village of Saltmere was cut off when the coast road flooded and part of the dune barrier protecting the village gave way. Residents there were told to move to upper floors and wait for the tide to turn.

Brennick's mayor, Olav Prent, said the town had done everything its flood plan asked of it. "The plan was written for a surge of one and a half metres. Tonight we had more than two," he said. The Institute warned that a second, smaller surge was possible at the next high tide.`,
    image: {
      alt: "Sea water pouring over a stone harbour wall onto a flooded street of fishermen's cottages at night",
      caption: "Water breaches the harbour wall in Brennick at the height of Storm Edda.",
      credit: 'Photo: Northern Press Agency',
      hue: 195,
      label: 'STORM EDDA',
    },
    corrections: [
      { hoursAfterPublish: 4, kind: 'update', text: "This article was updated with the latest evacuation and rescue figures from Brennick council and the coastguard." },
    ],
  },
  {
    slug: 'saltmere-residents-return-to-mud-salt-and-ruined-homes-after-the-surge',
    headline: "Saltmere residents return to mud, salt and ruined homes after the surge",
    standfirst: "Two days after Storm Edda, families in the coastal village are counting the cost. Many have no flood insurance, and some say they cannot stay.",
    section: 'news',
    topics: ['coastal-floods'],
    tags: ['flooding', 'saltmere', 'clean-up', 'storm surge'],
    authors: ['noor-haddad'],
    dateline: 'SALTMERE',
    hoursAgo: 333,
    body: `The tide line is still visible on the wallpaper of Anders and Lotte Kvist's living room, a brown stripe at the height of the light switches. Beneath it, almost everything they own is either in a skip outside or drying on the lawn.

> "Forty years we have lived in this house. The sea never came past the garden wall," said Anders Kvist, 72, lifting a sodden photo album from a box. "Now I do not know if the house can be saved."

Two days after Storm Edda sent the sea through a breach in the dunes, the people of Saltmere were allowed back to their homes yesterday. Of the village's 310 houses, the council estimates that 140 were flooded, some to a depth of more than a metre.

## Salt in the walls

Sea water is worse than river water, builders say, because salt soaks into brick and plaster and keeps drawing in moisture for months. Many homes will need to be stripped back to bare walls and dried with industrial machines before they can be lived in again, work that could take until spring.

Volunteers from neighbouring villages arrived with shovels, pumps and food. The village church, which sits on a rise and stayed dry, has become a canteen, a store for donated clothes and a place where neighbours swap news of which roads are passable.

Parish councillor Ruth Ekdahl said roughly a third of households had no flood insurance, either because it was too expensive or because insurers had refused to cover homes so close to the shore. "Those are the people I worry about most," she said.

For some, the storm has settled a question they had been putting off. Young families are talking openly about moving inland, and several older residents said they would sell if anyone would buy.

The Kvists say they will stay. "Where would we go?" said Lotte Kvist, scrubbing mud from the kitchen step. "This is home. We just need someone to fix the dunes."`,
    image: {
      alt: "An elderly couple carrying a mud-stained armchair out of a cottage, with ruined furniture piled on the lawn",
      caption: "Anders and Lotte Kvist clear their home in Saltmere, where 140 houses were flooded.",
      credit: 'Photo: Mara Lindqvist / Courier',
      hue: 170,
      label: 'SALTMERE',
    },
  },
  {
    slug: 'insurers-brace-for-record-flood-claims-after-storm-edda',
    headline: "Insurers brace for record flood claims after Storm Edda",
    standfirst: "Early estimates put insured losses from the surge at up to 1.1 billion crowns, and the industry warns that premiums for homes near the shore will rise.",
    section: 'business',
    topics: ['coastal-floods'],
    tags: ['insurance', 'flooding', 'storm surge', 'claims'],
    authors: ['tomas-hale'],
    dateline: 'HALVERN',
    hoursAgo: 245,
    body: `Vellmark's insurers expect Storm Edda to become the costliest flood the industry has ever recorded, with early estimates of insured losses from the surge in Brennick and Saltmere ranging from 800 million to 1.1 billion crowns.

The Vellmark Insurance Federation said its members had received more than 6,400 claims in the six days since the storm, from homeowners, shops, boat owners and the harbour businesses of Brennick. The previous record, set by river floods in the eastern valleys in 2011, was about 640 million crowns in today's money.

> "We are paying claims as fast as loss adjusters can reach the properties," said Mats Ahlgren, the federation's director. "But this storm is a warning about what the coast will cost to insure in the future."

Nordsure, the largest home insurer, said it would honour all existing policies but expected premiums for properties within 500 metres of the shore to rise sharply at renewal. Some smaller insurers have already stopped offering new flood cover in the most exposed coastal postcodes.

Consumer groups warned that this could create a class of uninsurable homes. Unlike several neighbouring countries, Vellmark has no state-backed reinsurance scheme to keep flood cover affordable for high-risk properties.

The federation has asked the government to set one up, and to link it to investment in coastal flood defences. Its proposal would add a small levy to all home insurance policies to fund a pool covering the costs of the most extreme floods.

Shares in Nordsure fell 4 per cent in Halvern after the estimates were published. Analysts at the broker Kappel & Ruud said the industry's reserves were "ample to absorb a loss of this size, but not several of them in a row".`,
  },
  {
    slug: 'why-storm-surges-on-the-vellmark-coast-are-getting-higher',
    headline: "Why storm surges on the Vellmark coast are getting higher",
    standfirst: "Storm Edda broke a flood record that had stood for more than a century. Scientists say rising seas, sinking land and shrinking dunes mean it will not be the last.",
    section: 'science',
    topics: ['coastal-floods'],
    tags: ['storm surge', 'sea level', 'climate', 'coastal erosion'],
    authors: ['jonas-brekke'],
    dateline: 'HALVERN',
    hoursAgo: 150,
    body: `When the sea at Brennick rose 2.31 metres above the normal high tide during Storm Edda, it broke a record set in 1911. To the scientists who study the coast, the surprise was not that the record fell, but that it had lasted so long.

A storm surge is a temporary rise in sea level caused by weather. Strong onshore winds push water towards the coast, and low air pressure lets the sea surface bulge upwards, by about a centimetre for every hectopascal that pressure falls. When a surge arrives at high tide, as Edda's did, the effects are greatest.

## Three things are changing

Researchers at the Vellmark Meteorological Institute point to three trends that make each surge more dangerous than the last:

- **Higher seas.** Mean sea level at Brennick is about 22 centimetres higher than in 1911, so every surge starts from a higher base.
- **Sinking land.** Parts of the south-west coast are slowly subsiding, by around a millimetre a year, as soft sediments compact.
- **Weaker dunes.** Storms and development have narrowed the natural dune barrier at Saltmere by a third since the 1970s.

> "A surge that would have stopped at the dunes in my grandmother's time now reaches people's kitchens," said Dr Freya Lindgren, a coastal oceanographer at the Institute. "We have been lowering the bar without noticing."

## What about the storms themselves?

Whether storms like Edda are becoming more frequent is less clear. Lindgren says the records for the Vellmark coast show no strong trend in the number of severe storms, although some climate models suggest stronger winds in the most extreme events.

What is not in doubt, she says, is the sea. The Institute's central projection is a further rise of 30 to 50 centimetres at Brennick by the end of the century, depending on global emissions. On that basis, a surge the size of Edda's would arrive once every 10 to 20 years instead of once a century.`,
    image: {
      alt: "A tide gauge mounted on a harbour pier with waves breaking against the wooden posts beneath it",
      caption: "The tide gauge at Brennick harbour has recorded sea levels since 1911.",
      credit: 'Photo: Vellmark Meteorological Institute',
      hue: 185,
      label: 'SEA LEVEL',
    },
  },
  {
    slug: 'government-pledges-240-million-crowns-for-new-brennick-sea-wall',
    headline: "Government pledges 240 million crowns for new Brennick sea wall",
    standfirst: "The flood barrier would protect the harbour and old town from a surge half a metre higher than Storm Edda's. Saltmere residents say their dunes have been forgotten.",
    section: 'politics',
    topics: ['coastal-floods'],
    tags: ['sea wall', 'coastal defences', 'brennick', 'flooding'],
    authors: ['elin-voss', 'jonas-brekke'],
    dateline: 'BRENNICK',
    hoursAgo: 30,
    body: `The government has pledged 240 million crowns to build a new sea wall and flood gate at Brennick, two weeks after Storm Edda drove the sea through the town's harbour and old town.

Infrastructure Minister Helge Brandt announced the plan on the harbour front, standing a few metres from houses that are still being dried out. The wall would run 2.6 kilometres from the fish market to the lighthouse, with a movable gate across the harbour entrance that could be closed whenever a surge is forecast.

> "Brennick has lived with the sea for eight hundred years. We intend to make sure it can live with it for the next hundred," Brandt said.

## Designed for a higher sea

Engineers have been asked to design the wall to withstand a surge of 2.8 metres above normal high tide, about half a metre more than the record set by Edda, to allow for rising sea levels over the coming decades. Construction could start in two years and take four years to finish.

Brennick's mayor, Olav Prent, welcomed the money but said the town needed temporary protection this winter. The council has asked for mobile flood barriers and stocks of sandbags to be in place before the next spring tides.

## Saltmere left waiting

In Saltmere, where 140 homes flooded after the dunes gave way, the reaction was cooler. The plan includes 12 million crowns for emergency repairs to the dunes but no long-term flood scheme for the village.

"Brennick gets a wall and we get a study," said parish councillor Ruth Ekdahl. The ministry said a separate assessment of the Saltmere coast, including the option of letting some low-lying land return to the sea, would report next year.`,
    image: {
      alt: "A man in a dark coat speaking at a lectern on a harbour quay, with fishing boats and a lighthouse behind him",
      caption: "Infrastructure Minister Helge Brandt announces the sea wall plan on Brennick's harbour front.",
      credit: 'Photo: Jörg Falk / Courier',
      hue: 205,
      label: 'SEA WALL',
    },
  },
  {
    slug: 'solvany-sends-pumps-and-engineers-to-flooded-vellmark-coast',
    headline: "Solvany sends pumps and engineers to flooded Vellmark coast",
    standfirst: "Teams from across the border joined the effort to drain Brennick's old town, the first time the two countries' civil protection pact has been used.",
    section: 'world',
    topics: ['coastal-floods'],
    tags: ['flooding', 'solvany', 'emergency aid', 'storm surge'],
    authors: ['sofia-reyes'],
    dateline: 'BRENNICK',
    agency: 'Continental Wire Service',
    hoursAgo: 360,
    body: `A convoy of 14 trucks carrying high-capacity pumps and 60 engineers from Solvany's civil protection agency arrived in Brennick overnight, joining efforts to drain the flooded old town after Storm Edda.

It is the first time the mutual assistance agreement signed by Vellmark and Solvany two years ago has been triggered. Under the pact, either country can request equipment and specialist teams within 24 hours of a declared flood or fire emergency.

> "Our coasts face the same sea. Today it is Brennick, next year it might be one of our towns," said Tereza Novak, who leads the Solvany team. "We would expect the same help, and we know we would get it."

The pumps, each able to move about 1,000 litres of water a second, were set up along Quay Street and in the basement of the harbour master's building, where sea water was still standing more than a day after the surge.

Storm Edda also caused damage in Solvany, where high winds brought down power lines along its northern coast and left about 30,000 homes without electricity for several hours. The surge there was smaller, Solvany's weather service said, because the storm's strongest winds blew parallel to the shore rather than towards it.

Vellmark's Foreign Ministry thanked Solvany in a statement and said offers of help had also arrived from Maresca and from the Red Cross societies of three other countries.

Brennick council said the Solvany team was expected to stay for about a week, until the last flooded basements in the old town are dry and the harbour's drainage system is working again. Local residents have been bringing the engineers coffee and cakes, and one bakery on Quay Street, itself still without a working oven, has put up a hand-written sign in both languages thanking them.`,
  },
  // ---------------------------------------------------------------------------
  // Running story: General Election
  // ---------------------------------------------------------------------------
  {
    slug: 'premier-dahlberg-calls-snap-general-election-saying-he-needs-a-clear-mandate',
    headline: "Premier Dahlberg calls snap general election, saying he needs 'a clear mandate'",
    standfirst: "Voters will go to the polls in 24 days, almost a year early. The Premier's gamble comes with his Civic Union ahead in the polls but his coalition fraying.",
    section: 'politics',
    topics: ['general-election'],
    tags: ['general election', 'oskar dahlberg', 'civic union', 'coalition'],
    authors: ['elin-voss'],
    dateline: 'HALVERN',
    hoursAgo: 456,
    body: `Premier Oskar Dahlberg has called a snap general election, almost a year before the end of the National Assembly's term. Vellmark will vote in 24 days, and the Assembly will continue to sit until polling day to complete government business.

Speaking outside the Premier's office on Kastell Square, Dahlberg said his government had been "pulled in different directions" by its coalition partner and needed "a clear mandate" to govern through what he called "a hard winter and a harder decade".

> "I could limp on for another year, making deals to survive each vote. Or I can ask the people of Vellmark to decide. I have chosen to ask them," Dahlberg said.

## A calculated gamble

The decision follows weeks of tension inside the governing coalition between Dahlberg's Civic Union and its junior partner, the Rural Party, which had threatened to withdraw its support over the government's plans for pension reform.

The Civic Union leads the most recent opinion polls with about 31 per cent, ahead of the Progressive Alliance on 26 per cent. The populist Vellmark First party, on 14 per cent, has been rising steadily. The Green Coast Party and the Rural Party are both polling below 10 per cent.

Political analysts said Dahlberg was betting that a short campaign would favour the incumbent. "He is going while his lead is still a lead," said Professor Aksel Brun, a political scientist at the University of Halvern. "Three months from now he might not have one."

The leader of the Progressive Alliance, Maren Solberg, said her party was "ready and glad" to take on the government. "Oskar Dahlberg has run out of ideas and out of partners. Now he is running out of time," she told reporters at the Assembly.

Parties must submit their candidate lists to the Electoral Commission within ten days. The Commission said it expected a record number of postal vote applications because of the short notice.`,
    image: {
      alt: "A grey-haired man in a dark suit speaking to a crowd of reporters and cameras on a stone square",
      caption: "Oskar Dahlberg announces the general election outside the Premier's office on Kastell Square.",
      credit: 'Photo: Mara Lindqvist / Courier',
      hue: 220,
      label: 'ELECTION',
    },
  },
  {
    slug: 'progressive-alliance-manifesto-promises-free-childcare-and-a-rail-fares-freeze',
    headline: "Progressive Alliance manifesto promises free childcare and a rail fares freeze",
    standfirst: "Maren Solberg's party says its plans would cost 6.8 billion crowns a year, paid for by higher taxes on banks and large estates. The government calls the sums fantasy.",
    section: 'politics',
    topics: ['general-election'],
    tags: ['general election', 'progressive alliance', 'manifesto', 'childcare'],
    authors: ['elin-voss'],
    dateline: 'HALVERN',
    hoursAgo: 312,
    body: `The Progressive Alliance launched its election manifesto in Halvern yesterday, promising free childcare for all children from the age of one, a freeze on rail fares for four years and 10,000 new homes a year built by local councils.

The party's leader, Maren Solberg, presented the 64-page document to activists in a converted grain warehouse in the port district, describing it as "a plan for the families who keep this country running and can no longer afford to live in it".

The main pledges in the manifesto include:

- free childcare for every child from age one, phased in over three years;
- a freeze on national rail fares until the end of the next parliament;
- 10,000 council homes a year, funded through a new national housing bank;
- a rise in the minimum wage to 160 crowns an hour.

## The cost

The party says its programme would cost 6.8 billion crowns a year by the end of the next parliament, to be paid for by a new levy on bank profits, higher taxes on estates worth more than 20 million crowns and the closure of what it calls "loopholes" in corporate taxation.

> "Every pledge in this book is costed, and every crown is accounted for," Solberg said. "We will not promise what we cannot pay for."

The Finance Minister, Petter Lund of the Civic Union, said the figures did not add up. "This is a manifesto that spends real money and raises imaginary money," he said, adding that the bank levy alone would raise less than a third of what the opposition claims.

The independent Fiscal Council, which reviews the parties' election promises, is due to publish its assessment of all the main manifestos next week. The Civic Union will launch its own manifesto in two days' time.`,
    image: {
      alt: "A woman with short dark hair holding up a printed manifesto on a stage in front of a banner reading Progressive Alliance",
      caption: "Maren Solberg launches the Progressive Alliance manifesto in Halvern's port district.",
      credit: 'Photo: Jörg Falk / Courier',
      hue: 350,
      label: 'MANIFESTO',
    },
  },
  {
    slug: 'poll-tracker-civic-unions-lead-shrinks-to-three-points-with-five-days-to-go',
    headline: "Poll tracker: Civic Union's lead shrinks to three points with five days to go",
    standfirst: "Our average of the main polls shows the Progressive Alliance closing the gap after a strong debate. Neither side is near a majority, and Vellmark First may hold the balance.",
    section: 'politics',
    topics: ['general-election'],
    tags: ['general election', 'opinion polls', 'civic union', 'progressive alliance'],
    authors: ['elin-voss'],
    dateline: 'HALVERN',
    hoursAgo: 6,
    updatedHoursAfterPublish: 2,
    body: `With five days until polling day, the Courier's poll tracker shows the general election tightening. The governing Civic Union stands at 29 per cent, down two points since Premier Oskar Dahlberg called the election, while the Progressive Alliance has climbed to 26 per cent.

The tracker is an average of all published polls from the four main polling companies, weighted by sample size and by how recently the fieldwork was done. You can [read more about our methodology here](https://example.org/courier/poll-tracker-methodology).

## Where the votes are moving

The latest single poll, by Kvadrat Research with a sample of 2,100 adults, put the gap at just two points. Most of the movement appears to have come after the first televised leaders' debate, in which Maren Solberg was judged the stronger performer by a clear margin in two snap surveys.

Vellmark First, the populist party led by Bertil Kragh, is steady at 15 per cent, strongest among older voters in rural areas and small towns. The Green Coast Party (8 per cent) and the Rural Party (6 per cent) are both above the 4 per cent threshold needed to take seats in the National Assembly.

## The arithmetic

On these numbers, neither main party could form a majority with its traditional partners. The Civic Union and the Rural Party together would hold about 64 of the 150 seats; the Progressive Alliance and the Greens about 62. That leaves Vellmark First, with roughly 24 seats, in a position to decide who governs.

> "The question of this election is no longer who comes first. It is what Bertil Kragh will ask for, and who is willing to give it to him," said Professor Aksel Brun of the University of Halvern.

Both main leaders have ruled out a formal coalition with Vellmark First, but neither will say whether they would accept its support from outside government. Pollsters also caution that as many as one in six voters say they are still undecided, and that turnout among younger voters has historically been hard to predict.`,
    image: {
      alt: "A line chart showing the polling averages of five parties over four weeks, with the top two lines converging",
      caption: "The Courier poll tracker: the gap between the two largest parties has narrowed from seven points to three.",
      credit: 'Graphic: Courier data desk',
      hue: 260,
      label: 'POLLS',
    },
    corrections: [
      { hoursAfterPublish: 2, kind: 'correction', text: "An earlier version of this article gave the sample size of the latest Kvadrat Research poll as 1,200 adults. The poll surveyed 2,100 adults." },
    ],
  },
  {
    slug: 'first-time-voters-in-tollby-nobody-is-talking-to-us',
    headline: "First-time voters in Tollby: 'Nobody is talking to us'",
    standfirst: "In a commuter town where rents have doubled in a decade, young people voting for the first time say the general election campaign has passed them by.",
    section: 'news',
    topics: ['general-election'],
    tags: ['general election', 'young voters', 'tollby', 'housing'],
    authors: ['noor-haddad'],
    dateline: 'TOLLBY',
    hoursAgo: 50,
    body: `At the Tollby bus station, where the last fast service to Halvern leaves at 11.40pm, Emma Thorsen is waiting to go home after a shift at a restaurant in the capital. She is 19, and in a week she will vote in a general election for the first time.

> "I will vote, because my grandmother would never forgive me if I didn't," she said. "But nobody is talking to us. It is all pensions and bills and what happens to people who own houses."

Tollby, 35 kilometres east of Halvern, has grown by a third in ten years as families priced out of the capital moved in. Rents have roughly doubled over the same period, and for many of the town's young people, moving out of their parents' homes feels like a distant prospect.

In conversations with more than a dozen first-time voters across the town this week, housing came up in almost every one. Several said they knew nobody their age who rented a flat alone.

Mikkel Aalto, 18, who is training as an electrician, said he had read the Progressive Alliance's promise of 10,000 council homes a year and the Civic Union's plan to cut stamp duty for first-time buyers. "One of them helps people who can't get a mortgage anyway. The other sounds great, but I'll believe it when I see the houses," he said.

Others were more sceptical of politics altogether. Several said they were drawn to Vellmark First, not for its policies but because, as one 20-year-old put it, "at least they seem angry about the same things I am angry about".

Turnout among voters under 25 was just 54 per cent at the last general election, compared with 81 per cent among those over 65. The parties know this, and plan their campaigns accordingly.

Back at the bus station, Thorsen's bus pulls in. "If we all voted, they would have to talk to us," she said. "Maybe this time."`,
    image: {
      alt: "A young woman with a rucksack waiting under the lights of a small bus station at night",
      caption: "Emma Thorsen, 19, waits for the late bus home in Tollby. She will vote for the first time this month.",
      credit: 'Photo: Mara Lindqvist / Courier',
      hue: 280,
      label: 'TOLLBY',
    },
  },
  {
    slug: 'dahlberg-and-solberg-clash-over-energy-bills-in-first-televised-debate',
    headline: "Dahlberg and Solberg clash over energy bills in first televised debate",
    standfirst: "The Premier defended his gas price cap as the opposition leader called it 'a subsidy for the biggest houses'. Two snap polls gave the debate to Solberg.",
    section: 'politics',
    topics: ['general-election', 'energy-crisis'],
    tags: ['general election', 'leaders debate', 'energy prices', 'price cap'],
    authors: ['elin-voss', 'tomas-hale'],
    dateline: 'HALVERN',
    hoursAgo: 98,
    body: `Energy bills dominated the first televised debate of the general election campaign last night, as Premier Oskar Dahlberg and the Progressive Alliance leader Maren Solberg traded accusations over who would do more to help households through the winter.

The 90-minute debate, broadcast by the public broadcaster VRK, was watched by an estimated 1.3 million people, making it the most-viewed political programme in Vellmark for a decade.

## The price cap

Dahlberg opened by defending his government's cap on household gas prices, which is due to be voted on in the National Assembly in the coming days. He said it would save a typical family more than 250 crowns a month on its gas bill this winter.

> "When Garrenland turned off the gas, we did not wait. We acted. That cap is the difference between a warm home and a cold one for a million families," Dahlberg said.

Solberg replied that the cap spends most of its money on the homes that use the most gas, and that a targeted payment would help poorer households more at lower cost. She repeated her party's call for a windfall tax on energy companies, pointing to the recent tripling of Nordvell Power's profits. "You are asking nurses in Eastbrook to pay for the heating in mansions," she told the Premier, to applause from part of the studio audience.

## The verdict

Two snap polls carried out immediately after the broadcast both gave the debate to Solberg, by 48 to 37 per cent and 51 to 35 per cent. Dahlberg's campaign said it was "entirely comfortable" with his performance and that voters cared about results, not soundbites.

The two leaders will meet again in a last debate three days before polling day, which will also include Bertil Kragh of Vellmark First and the leaders of the three smaller parties.`,
    image: {
      alt: "Two politicians standing at podiums facing each other in a brightly lit television studio",
      caption: "Oskar Dahlberg and Maren Solberg during the first leaders' debate on VRK.",
      credit: 'Photo: VRK / pool',
      hue: 240,
      label: 'DEBATE',
    },
  },
  {
    slug: 'in-the-villages-of-aldmoor-vellmark-first-is-winning-over-civic-union-voters',
    headline: "In the villages of Aldmoor, Vellmark First is winning over Civic Union voters",
    standfirst: "Bertil Kragh's party is polling twice as high in the northern province as in the country as a whole. Voters say they feel forgotten by Halvern, and the big parties are worried.",
    section: 'politics',
    topics: ['general-election'],
    tags: ['general election', 'vellmark first', 'rural voters', 'aldmoor'],
    authors: ['elin-voss'],
    dateline: 'KORSBY',
    hoursAgo: 190,
    body: `The meeting hall in Korsby holds 200 people. When Bertil Kragh arrived one evening this week, nearly 400 had come to see him, and the overflow stood in the car park in the cold, listening through the open doors.

Kragh, the leader of Vellmark First, spoke for 40 minutes without notes. He talked about the closure of the local hospital's maternity ward, the bus service that now runs twice a day, and the "Halvern people" who, he said, made decisions about the north without ever visiting it.

> "They come here to have their photograph taken with a cow every four years. Then they go back to the capital and close another post office," Kragh said, to loud applause.

Aldmoor, a province of hill farms, forestry and small towns, has been a Civic Union stronghold for most of the past half-century. But recent polls suggest Vellmark First could take as much as 28 per cent of the vote there, roughly twice its national share, much of it from former Civic Union voters.

Sigrid Haldor, a sheep farmer who has voted Civic Union all her life, said she would vote for Kragh's party for the first time. "I do not agree with everything he says. But he is the only one who says our name," she said.

Civic Union officials privately acknowledge that the party is at risk of losing three or four of its seats in the province, which could cost Premier Oskar Dahlberg his place as leader of the largest party in the Assembly.

> "This is not really about any one policy. It is about distance, and the feeling that the capital has stopped listening," said Dr Lene Otterstad, who studies rural politics at Aldmoor University College.

The Civic Union has responded by sending ministers north almost daily and promising to reopen the Korsby maternity ward. Kragh dismissed the pledge. "They found the money the week they found out they were losing," he said.`,
  },
  // ---------------------------------------------------------------------------
  // Running story: Championship Final
  // ---------------------------------------------------------------------------
  {
    slug: 'rovers-come-from-behind-to-beat-dunmore-city-and-reach-the-championship-final',
    headline: "Rovers come from behind to beat Dunmore City and reach the Championship final",
    standfirst: "Captain Idris Fenn scored one and made one in eight second-half minutes as Halvern Rovers reached Kingsmead for the first time in nineteen years.",
    section: 'sport',
    topics: ['championship'],
    tags: ['halvern rovers', 'dunmore city', 'semi-final', 'football'],
    authors: ['callum-ward'],
    dateline: 'HALVERN',
    hoursAgo: 250,
    body: `For 55 minutes it looked like another of those nights. Halvern Rovers were a goal down, their passing was slow and the 18,000 supporters inside Parkside Road had fallen into the anxious hush that long-suffering fans know only too well.

Then captain Idris Fenn took hold of the match. His header from a Leo Bakke corner in the 58th minute made it 1-1, and eight minutes later he threaded a pass through the Dunmore City midfield for Tobias Mork to run on to and slide the ball under the goalkeeper. Rovers held on through five minutes of stoppage time to win 2-1 and reach the Championship final for the first time since 2006.

> "At half-time I didn't shout. I just told them: you are better than this, go out and show it," said Rovers coach Marcus Dahl. "And they did."

Dunmore had started the brighter. Their quick winger Elias Brand gave Rovers' right-back Sami Koivu a miserable half, and it was Brand who crossed for Nils Ottesen to head in the opener after 24 minutes. Rovers managed only one effort that troubled the goalkeeper before the break.

The turnaround owed much to Dahl's half-time substitution, bringing on 19-year-old midfielder Leo Bakke for the more cautious Henrik Sand. Bakke's quick, forward passing gave Rovers a tempo they had lacked, and it was his corner that led to the equaliser.

Fenn, 33, has spent his entire career at Rovers and was part of the side that went down to the second tier six seasons ago. He was visibly emotional at the final whistle, kneeling in the centre circle before being hoisted onto the shoulders of his teammates.

"I have waited a long time for this," he said. "My father brought me here when I was six. Now I get to take him to Kingsmead."

Rovers will face either Kestwick United or Ravensholm Wanderers, who meet in the second semi-final tomorrow evening.`,
    image: {
      alt: "Footballers in red shirts celebrating together in front of a packed stand at night",
      caption: "Idris Fenn, centre, celebrates with teammates after Rovers' second goal against Dunmore City.",
      credit: 'Photo: Per Ostman / Courier',
      hue: 0,
      label: 'ROVERS',
    },
  },
  {
    slug: 'kestwick-united-reach-final-after-goalless-semi-decided-on-penalties',
    headline: "Kestwick United reach final after goalless semi decided on penalties",
    standfirst: "Goalkeeper Pieter Ransome saved twice in the shootout as Kestwick edged Ravensholm Wanderers 4-2 after 120 minutes without a goal.",
    section: 'sport',
    topics: ['championship'],
    tags: ['kestwick united', 'ravensholm wanderers', 'semi-final', 'penalty shootout'],
    authors: ['callum-ward'],
    dateline: 'KESTWICK',
    agency: 'Northern Press Agency',
    hoursAgo: 227,
    body: `Pieter Ransome had barely been tested for two hours. Then, when it mattered most, Kestwick United's goalkeeper produced two saves in a penalty shootout to send his side into the National League Championship final against Halvern Rovers.

The semi-final at the Riverside Ground ended 0-0 after extra time, a tense and cagey match in which neither side forced the goalkeepers into more than a handful of saves. Kestwick won the shootout 4-2, with midfielder Jamal Orrin scoring the decisive kick.

> "People say penalties are a lottery. It is not a lottery if you practise them every day for a month," said Kestwick coach Anton Vesely, who revealed that his squad had taken more than 600 practice penalties since the quarter-finals.

Ravensholm had the better of the first half, and their forward Kasper Lind hit the crossbar from 20 yards after half an hour. Kestwick grew into the match after the break, but Ravensholm's centre-backs, Ola Berntsen and Yusuf Demir, blocked everything that came their way, and extra time passed with few chances at either end.

In the shootout, Ransome dived low to his left to stop Ravensholm's first kick, from Lind, and then guessed right again to keep out Erik Holm's third. All four Kestwick takers scored, Orrin sending the last one high into the roof of the net.

Kestwick, a club from a former textile town of 60,000 people, have never won the Championship. They last reached the final in 1998, losing 3-0 to Dunmore City in a side that included both Vesely and the current Rovers coach, Marcus Dahl.

The final will be played at Kingsmead in nine days. Kestwick's allocation of 12,000 tickets sold out within an hour of going on sale this morning.`,
  },
  {
    slug: 'rovers-captain-idris-fenn-faces-race-to-be-fit-for-the-championship-final',
    headline: "Rovers captain Idris Fenn faces race to be fit for the Championship final",
    standfirst: "The 33-year-old midfielder limped out of training with a hamstring problem. Coach Marcus Dahl says he will give his captain 'every possible day'.",
    section: 'sport',
    topics: ['championship'],
    tags: ['halvern rovers', 'idris fenn', 'injury', 'football'],
    authors: ['callum-ward'],
    dateline: 'HALVERN',
    hoursAgo: 140,
    updatedHoursAfterPublish: 26,
    body: `Halvern Rovers captain Idris Fenn is a doubt for the Championship final against Kestwick United after injuring his hamstring in training.

Fenn, who scored the equaliser and set up the winning goal in the semi-final against Dunmore City, pulled up during a sprinting drill at the club's training ground in Lindvik and was helped off by two physiotherapists. A scan showed a grade one strain, the mildest category.

Hamstring strains of that kind typically take between one and three weeks to heal, leaving the club's medical staff a matter of days to get him ready for Kingsmead.

> "Idris is the heart of this team, and I will give him every possible day," said coach Marcus Dahl after training this morning. "If he can run freely by the end of the week, he plays. If not, we have good players who are ready."

Without Fenn, Dahl's most likely option is to move Leo Bakke, the 19-year-old whose arrival from the bench changed the semi-final, into the centre of midfield alongside Henrik Sand. Bakke has started only four league matches this season but has impressed with his passing range and composure.

Former Rovers midfielder Stig Aronsen, now a television pundit, said the club should not take the risk. "A captain who breaks down after 20 minutes is worse than no captain at all. Start the kid," he said.

Fenn himself posted a photograph of an ice pack on his leg, with the words: "Not missing this one." Supporters responded with thousands of messages of encouragement, and a banner reading "Get well, Idris" appeared on the railings outside Parkside Road.

Rovers will make a decision on Fenn after a last fitness test the day before the match.`,
    image: {
      alt: "A footballer in a red training top sitting on the grass while a physiotherapist examines the back of his leg",
      caption: "Idris Fenn receives treatment at the Rovers training ground in Lindvik.",
      credit: 'Photo: Per Ostman / Courier',
      hue: 10,
      label: 'FENN',
    },
    corrections: [
      { hoursAfterPublish: 26, kind: 'update', text: "This article was updated to include comments from coach Marcus Dahl after Rovers' training session." },
    ],
  },
  {
    slug: 'championship-final-preview-five-things-to-watch-when-rovers-meet-kestwick',
    headline: "Championship final preview: five things to watch when Rovers meet Kestwick",
    standfirst: "A captain's hamstring, a goalkeeper in form and two coaches who were once teammates. Here is what could decide the final at Kingsmead.",
    section: 'sport',
    topics: ['championship'],
    tags: ['halvern rovers', 'kestwick united', 'championship final', 'preview'],
    authors: ['callum-ward'],
    dateline: 'HALVERN',
    hoursAgo: 30,
    body: `Nineteen years after their last appearance, Halvern Rovers are back at Kingsmead for the National League Championship final, where they meet Kestwick United, a club chasing the first title in its 121-year history. Here are five things that could decide it.

- **Fenn's hamstring.** Rovers' captain trained fully for the first time this week and coach Marcus Dahl says he is "available". Whether he lasts 90 minutes is another matter. If he does not, 19-year-old Leo Bakke steps in.
- **Ransome's form.** Kestwick goalkeeper Pieter Ransome has kept clean sheets in four of his last five matches and saved two penalties in the semi-final. Rovers have scored in every home match this season, but Kingsmead is not home.
- **The coaches.** Dahl and Kestwick's Anton Vesely played together in midfield for Kestwick in the late 1990s, including the 1998 final. They remain close friends, and both say the other knows exactly how he thinks.
- **The flanks.** Rovers right-back Sami Koivu struggled against a quick winger in the semi-final. Kestwick's Noah Falk is quicker still.
- **Tired legs.** Kestwick needed 120 minutes and penalties to get past Ravensholm. If the final goes to extra time, fresher legs may count.

> "Finals are not about who plays better for 90 minutes. They are about who makes fewer mistakes in the five minutes that matter," Vesely said at his pre-match press conference.

Dahl was more relaxed. "We have nothing to lose and a whole city behind us. That is a good place to be," he said, before joking that he had not slept properly since the semi-final.

Kick-off at Kingsmead is at 19:30, with the match shown live on the SportVell channel. All 42,000 tickets are sold, and the club has asked supporters without tickets to watch on the big screens in the fan zone at Linden Park rather than travel to the stadium.

Our prediction: a tight, nervy match settled by a single goal, quite possibly in the last quarter of an hour. The Courier's sports desk has been wrong before, and would happily be wrong again.`,
    image: {
      alt: "An empty football stadium with a freshly striped pitch and rows of red and yellow seats under bright stadium lights",
      caption: "Kingsmead is ready for its first Championship final between Rovers and Kestwick.",
      credit: 'Photo: Per Ostman / Courier',
      hue: 120,
      label: 'KINGSMEAD',
    },
  },
  {
    slug: 'kestwick-united-win-the-championship-as-late-header-stuns-rovers-at-kingsmead',
    headline: "Kestwick United win the Championship as late header stuns Rovers at Kingsmead",
    standfirst: "Jamal Orrin's header two minutes from time gave Kestwick a 2-1 win and the first title in the club's 121-year history. Rovers captain Idris Fenn lasted an hour.",
    section: 'sport',
    topics: ['championship'],
    tags: ['kestwick united', 'halvern rovers', 'championship final', 'kingsmead'],
    authors: ['callum-ward'],
    dateline: 'HALVERN',
    hoursAgo: 14,
    body: `There were two minutes left at Kingsmead when Jamal Orrin rose above everyone at the far post, met Noah Falk's cross with his forehead and sent the ball past Rovers goalkeeper Arvid Lunde. For a second the stadium was silent. Then the Kestwick end, all 12,000 of them, went wild.

Kestwick United are champions for the first time in their 121-year history, winners of a tense and often scrappy final by two goals to one. Halvern Rovers, back at Kingsmead for the first time in 19 years, were left to wonder what might have been.

> "I have dreamed about this since I was a boy kicking a ball around the streets of Kestwick," said Orrin, who grew up two streets from the club's ground. "I still can't believe it went in."

## Fenn's brave hour

Idris Fenn started for Rovers, his hamstring heavily strapped, and it was his pass that set up Tobias Mork to open the scoring after 17 minutes. But the captain was moving stiffly by half-time and was replaced by Leo Bakke on the hour, to a standing ovation from both sets of supporters.

Kestwick equalised four minutes later when Rovers failed to clear a free kick and midfielder Lars Vinter drove a low effort in from the edge of the box. From then on, Vesely's side had the better of the game, and Pieter Ransome was rarely troubled in the Kestwick goal.

At the final whistle, Anton Vesely walked straight to the Rovers bench to embrace Marcus Dahl, his former teammate. The two men, who lost the 1998 final together as Kestwick players, spoke for several minutes.

"He told me he was sorry, and then he told me he wasn't," said Dahl, smiling despite everything. "Today was their day. Ours is coming."

Rovers' players stayed on the pitch long after the trophy presentation to applaud their supporters, who sang throughout the closing minutes. Kestwick's squad will parade the trophy through the town on an open-top bus this afternoon.`,
    image: {
      alt: "A footballer in a yellow shirt leaping above two opponents to head the ball towards goal",
      caption: "Jamal Orrin heads the winning goal for Kestwick United two minutes from time.",
      credit: 'Photo: Per Ostman / Courier',
      hue: 55,
      label: 'KESTWICK',
    },
  },
  {
    slug: 'the-tailors-son-who-built-kestwick-united-from-the-ground-up',
    headline: "The tailor's son who built Kestwick United from the ground up",
    standfirst: "Anton Vesely took over a third-tier club with no money and a waterlogged pitch. Four years later, Kestwick are one match away from the Championship.",
    section: 'sport',
    topics: ['championship'],
    tags: ['kestwick united', 'anton vesely', 'profile', 'football'],
    authors: ['callum-ward'],
    dateline: 'KESTWICK',
    hoursAgo: 70,
    body: `Anton Vesely still has the scissors. They hang on a nail in his office at Kestwick United's training ground, a heavy pair of tailor's shears that belonged to his father, who ran a small alterations shop in the town for 40 years.

> "My father measured everything twice and cut once. He said a suit is made in the measuring, not the sewing," Vesely said. "Football is the same. The work nobody sees is the work that matters."

Vesely, 47, was born in Kestwick and played 260 matches in midfield for the club, including the 1998 final they lost to Dunmore City. When he was appointed coach four years ago, Kestwick were in the third tier, had just sold their two best players to pay debts, and were training in a public park because the club's own pitch was waterlogged.

## Patience and penalties

He began, he says, by measuring. He hired a former schoolteacher to analyse every opponent, introduced daily sessions on set pieces and persuaded the club's board to spend what little money it had on a youth academy rather than on new signings.

The results came slowly and then quickly. Two promotions in three seasons brought Kestwick to the National League, and this season they finished third, their highest position for a quarter of a century. Players describe a coach who rarely raises his voice but notices everything.

"He knows how many sprints you did on Tuesday and how you slept on Wednesday," said goalkeeper Pieter Ransome, laughing. "It is a little frightening."

In the final, Vesely will face Marcus Dahl, his midfield partner in that 1998 side and still one of his closest friends. The two speak most weeks and, both men admit, have shared ideas over the years that they are now trying to use against each other.

Asked whether he had spoken to Dahl since the semi-finals, Vesely smiled. "Of course. We agreed not to talk about football. We lasted about two minutes."`,
  },
  // ---------------------------------------------------------------------------
  // Running story: Lake Oss Algae
  // ---------------------------------------------------------------------------
  {
    slug: 'swimming-banned-at-lake-oss-beaches-as-toxic-algae-bloom-spreads',
    headline: "Swimming banned at Lake Oss beaches as toxic algae bloom spreads",
    standfirst: "Health officials have closed all eleven public beaches after tests found high levels of toxins from blue-green algae. Dog owners are urged to keep pets out of the water.",
    section: 'news',
    topics: ['lake-oss-algae'],
    tags: ['lake oss', 'algae bloom', 'swimming ban', 'water quality'],
    authors: ['jonas-brekke'],
    dateline: 'VESTERBY',
    hoursAgo: 460,
    body: `All eleven public beaches on Lake Oss were closed to swimmers today after tests found dangerous levels of toxins produced by blue-green algae, the regional health authority said.

The bloom, which turns the water a murky, paint-like green and leaves a foul-smelling scum along the shore, was first reported near Vesterby at the southern end of the lake nine days ago. It has since spread along most of the western shore, helped by the warmest September on record and a long spell of calm, sunny weather.

> "These toxins can cause vomiting, skin rashes and, in high doses, liver damage. For dogs, they can be fatal within hours," said Dr Nils Brattberg, a public health physician with the Oss Valley Health Authority. "Please do not swim, and please keep your animals out of the water."

## Dogs at risk

The warning about pets follows the deaths of two dogs near Vesterby last week, which their owners believe had drunk from the lake. Post-mortem results are awaited. Signs in four languages have been put up at every beach and car park around Lake Oss.

Tests on samples taken earlier this week found concentrations of microcystin, the most common algal toxin, of up to 40 micrograms per litre, twice the level at which the authority's guidelines require beaches to close.

## Drinking water safe

Halvern Water, which draws part of the capital's supply from the northern end of the lake, said tap water remained safe to drink. The company has increased testing at its intake and treatment plant at Ossmouth, and said its activated carbon filters are designed to remove algal toxins.

Boating and fishing are not banned, but the authority advises people to avoid contact with the water, to wash their hands after handling fish and not to eat the liver or guts. The swimming ban will stay in place until two consecutive weekly tests show toxin levels below the safe limit.`,
    image: {
      alt: "A sandy lake beach with bright green scum along the water's edge and a yellow warning sign on a post",
      caption: "A warning sign at the public beach in Vesterby, where the algae bloom was first reported.",
      credit: 'Photo: Mara Lindqvist / Courier',
      hue: 95,
      label: 'LAKE OSS',
    },
  },
  {
    slug: 'what-are-blue-green-algae-and-why-has-lake-oss-turned-green',
    headline: "What are blue-green algae, and why has Lake Oss turned green?",
    standfirst: "They are not really algae, they are older than the dinosaurs and they thrive in warm, still, nutrient-rich water. A guide to the organisms behind this autumn's toxic bloom.",
    section: 'science',
    topics: ['lake-oss-algae'],
    tags: ['lake oss', 'algae bloom', 'cyanobacteria', 'explainer'],
    authors: ['jonas-brekke'],
    dateline: 'HALVERN',
    hoursAgo: 380,
    body: `The green scum that has closed Lake Oss to swimmers is made by some of the oldest living things on Earth. Cyanobacteria, commonly called blue-green algae, have existed for more than two billion years and are thought to have helped give the planet its oxygen-rich atmosphere.

Despite the name, they are not algae at all but bacteria that, like plants, use sunlight to make food. They live in almost every lake and river in Vellmark, usually in numbers too small to notice. Problems start when conditions allow them to multiply explosively into what scientists call a *bloom*.

## The recipe for a bloom

Researchers point to a combination of factors, most of which came together on Lake Oss this year:

- **Nutrients.** Cyanobacteria feed on phosphorus and nitrogen, which reach lakes from farm fertiliser, manure and sewage.
- **Warmth.** They grow fastest in water above 20 degrees, and Lake Oss reached 23 degrees in late September.
- **Calm.** Without wind to mix the water, they float to the surface and shade out other plankton.
- **Time.** Lakes that flush slowly, like the deep Lake Oss, hold on to nutrients for years.

## Why some blooms are toxic

Not every bloom is dangerous. Some species produce toxins, such as microcystin, which damages the liver, while others produce none. Scientists still do not fully understand why the same species can be toxic in one lake and harmless in another.

> "You cannot tell by looking whether a bloom is toxic. That is why we test, and why we close beaches on the basis of the results rather than the colour of the water," said Dr Sanna Holt, a limnologist at the University of Halvern who studies Lake Oss.

Holt says the bloom will probably fade when the water cools in November. But unless the amount of phosphorus reaching the lake falls, she expects it to return next summer.`,
    image: {
      alt: "A magnified view of green, bead-like chains of cyanobacteria cells under a microscope",
      caption: "Chains of cyanobacteria from a Lake Oss water sample, seen under the microscope.",
      credit: 'Photo: University of Halvern',
      hue: 140,
      label: 'ALGAE',
    },
  },
  {
    slug: 'farm-runoff-is-the-main-source-of-the-phosphorus-feeding-lake-oss-bloom-study',
    headline: "Farm runoff is the main source of the phosphorus feeding Lake Oss bloom, study finds",
    standfirst: "Two thirds of the nutrient reaching the lake comes from fields in the Oss valley, according to University of Halvern researchers. Farmers say they are being made scapegoats.",
    section: 'science',
    topics: ['lake-oss-algae'],
    tags: ['lake oss', 'phosphorus', 'farm runoff', 'water quality'],
    authors: ['jonas-brekke'],
    dateline: 'HALVERN',
    hoursAgo: 160,
    updatedHoursAfterPublish: 8,
    body: `Fertiliser and manure washed from farmland are responsible for about two thirds of the phosphorus entering Lake Oss, according to a study published today by researchers at the University of Halvern, the most detailed assessment yet of what is feeding the toxic algae bloom that has closed the lake's beaches.

The team, led by limnologist Dr Sanna Holt, measured phosphorus in the lake's 17 inflowing streams every week for three years and traced its sources using land-use maps and chemical fingerprinting. The full study is [available from the university](https://example.org/university-of-halvern/lake-oss-phosphorus-study).

## Where the phosphorus comes from

The researchers estimate that 67 per cent of the phosphorus comes from agricultural land, 18 per cent from treated and untreated sewage, including ageing septic tanks around the lakeside villages, and 15 per cent from forests, roads and other sources.

Most of the farm phosphorus arrives in short bursts after heavy rain, when soil and slurry are washed off fields that have been spread with manure. Holt's team found that two thirds of the annual load reached the lake on just 20 days a year.

> "This is not about farmers being careless. It is about decades of phosphorus building up in the soil, and rain carrying a little of it away every time," Holt said. "The lake remembers everything we have put on the land."

## A sensitive finding

The Oss Valley Farmers' Association said the study ignored the improvements farms had made, such as grass strips along streams, and warned against "blaming the bloom on the people who grow the country's food". Its chair, Gustav Ronne, said the hot weather was the main cause of this year's bloom.

Holt agreed that the weather triggered the bloom but said it could only happen because the lake was already rich in nutrients. Her team's models suggest that phosphorus inputs would need to fall by around 40 per cent to make severe algae blooms rare.`,
    corrections: [
      { hoursAfterPublish: 8, kind: 'correction', text: "An earlier version of this article said 76 per cent of the phosphorus entering Lake Oss comes from agricultural land. The study's figure is 67 per cent." },
    ],
  },
  {
    slug: 'lakeside-campsites-and-fishermen-count-the-cost-of-the-lake-oss-algae-bloom',
    headline: "Lakeside campsites and fishermen count the cost of the Lake Oss algae bloom",
    standfirst: "The beach closures have wiped out the late-season trade that many businesses around the lake rely on. Some are asking who will compensate them.",
    section: 'business',
    topics: ['lake-oss-algae'],
    tags: ['lake oss', 'tourism', 'fishing', 'algae bloom'],
    authors: ['tomas-hale'],
    dateline: 'VESTERBY',
    hoursAgo: 260,
    body: `On a warm autumn afternoon, the Solgården campsite on the western shore of Lake Oss should be busy with late-season visitors, caravans and a few hardy swimmers. Instead, half of its 120 pitches are empty and the beach is closed, a yellow warning sign planted in the sand.

> "September and October used to be our second summer. This year they have simply disappeared," said owner Kristin Aune, who says bookings fell by 70 per cent after the swimming ban was announced. "People see the word toxic in the news and they cancel."

The Lake Oss Tourism Association estimates that campsites, holiday cottages, boat hire firms and cafés around the lake have lost about 14 million crowns in bookings and sales since the algae bloom was confirmed. The lake attracts more than 400,000 visitors a year, most of them from Halvern.

The lake's 22 licensed commercial fishermen have also been hit. Although fishing is not banned, restaurants in Halvern have stopped buying Lake Oss perch and pike, and prices at the Vesterby fish auction have halved.

Erling Tveit, who has fished the lake for 37 years, has hauled his boat out of the water early. "The fish are safe if you clean them properly. The health authority says so. But nobody wants to hear that," he said.

Business owners are asking for compensation, arguing that the bloom is the result of decades of pollution they did not cause. The regional council has offered to fund a marketing drive to bring visitors back to the lake next spring, but says it has no budget for direct payments.

Aune says the campsite can survive one bad autumn. "Two or three, I don't know. If this happens every year, the lake will not be a place people want to come."`,
    image: {
      alt: "Empty caravan pitches on a grassy campsite beside a lake with a green-tinged shoreline",
      caption: "Half of the pitches at the Solgården campsite on Lake Oss are empty this autumn.",
      credit: 'Photo: Jörg Falk / Courier',
      hue: 105,
      label: 'CAMPSITE',
    },
  },
  {
    slug: 'ministry-proposes-limits-on-manure-spreading-in-the-lake-oss-catchment',
    headline: "Ministry proposes limits on manure spreading in the Lake Oss catchment",
    standfirst: "Farmers near streams feeding the lake would face a winter ban on spreading slurry and tighter phosphorus limits. The proposal follows this autumn's toxic algae bloom.",
    section: 'politics',
    topics: ['lake-oss-algae'],
    tags: ['lake oss', 'fertiliser rules', 'farm runoff', 'environment ministry'],
    authors: ['jonas-brekke', 'elin-voss'],
    dateline: 'HALVERN',
    hoursAgo: 9,
    body: `The Environment Ministry has proposed new limits on the use of fertiliser and manure on farmland draining into Lake Oss, in response to the toxic blue-green algae bloom that closed the lake's beaches for most of the autumn.

Under the draft rules, published today for a ten-week consultation, farmers in the Oss valley would be banned from spreading slurry and manure between November and February, when rain is most likely to wash it into streams. Fields within 20 metres of a watercourse would need permanent grass strips, and every farm would have to test its soil for phosphorus every four years.

> "Lake Oss is telling us, very clearly, that it cannot take any more phosphorus. These rules are a fair way to share the effort of bringing it back to health," said Environment Minister Jakob Thorne.

## Built on the university study

The proposals draw heavily on the University of Halvern study published last week, which found that about two thirds of the phosphorus entering the lake comes from farmland. The ministry's aim is to cut phosphorus inputs by 40 per cent within 15 years, and it also plans grants to replace about 900 old septic tanks around the lakeside villages.

The Oss Valley Farmers' Association said the winter ban would force many livestock farmers to build larger slurry stores, at a cost of up to 400,000 crowns per farm. "We want a clean lake as much as anyone. But these rules will put small dairy farms out of business," said its chair, Gustav Ronne.

The ministry said a support fund of 120 million crowns would help farms pay for new slurry storage, with priority for smaller holdings.

Dr Sanna Holt, who led the university research, called the proposals "a serious start" but warned that results would take time. "Phosphorus already in the soil and in the lake bed will keep feeding algae blooms for years. The lake will get better slowly, not suddenly."`,
  },
  // ---------------------------------------------------------------------------
  // Stand-alone stories (no running topic)
  // ---------------------------------------------------------------------------
  {
    slug: 'tarsia-and-kovria-resume-ceasefire-talks-as-shelling-eases-along-the-border',
    headline: "Tarsia and Kovria resume ceasefire talks as shelling eases along the border",
    standfirst: "Negotiators met for the first time in four months in the neutral city of Altbruck. Both sides say a prisoner exchange could be agreed within days.",
    section: 'world',
    topics: [],
    tags: ['tarsia', 'kovria', 'ceasefire', 'peace talks'],
    authors: ['sofia-reyes'],
    dateline: 'ALTBRUCK',
    agency: 'Continental Wire Service',
    hoursAgo: 1.5,
    commentsOpen: false,
    body: `Negotiators from Tarsia and Kovria sat down together today for the first direct talks in four months, raising cautious hopes of a lasting ceasefire in a border conflict that has killed thousands of people and driven more than 300,000 from their homes.

The talks, hosted by the government of Maresca in the neutral city of Altbruck, began shortly after 10am local time and are expected to continue for at least three days. Diplomats said the first session focused on a prisoner exchange and on opening humanitarian corridors to towns cut off by the fighting.

> "Nobody here expects a peace agreement this week. But every day the two delegations spend at this table is a day on which fewer people die," said the Marescan mediator, Elena Vasquez.

Shelling along the disputed Selik valley has eased over the past fortnight, according to monitors from the Regional Security Organisation, although both sides reported drone attacks overnight on military positions and supply depots.

The conflict began 18 months ago when Kovrian troops crossed into the Selik valley, a region both countries claim and where a majority of the population speaks Kovrian. Tarsia calls the move an invasion; Kovria says it acted to protect civilians from persecution.

Previous rounds of talks collapsed over the sequence of steps: Tarsia insists on a withdrawal of Kovrian forces before any discussion of the valley's future status, while Kovria wants guarantees for the Kovrian-speaking population first. Diplomats said neither side had shifted its position, but both had agreed to keep talking.

Vellmark, which has close trade ties with both countries, has backed the mediation effort and sent humanitarian aid to the region. A spokesman for the Foreign Ministry in Halvern said the country was ready to help monitor any ceasefire and would host a future round of talks if asked.`,
    image: {
      alt: "Two delegations seated on opposite sides of a long table with small national flags, in a high-ceilinged conference room",
      caption: "Tarsian and Kovrian negotiators at the opening session of the talks in Altbruck.",
      credit: 'Photo: Continental Wire Service',
      hue: 300,
      label: 'TALKS',
    },
  },
  {
    slug: 'earthquake-kills-at-least-34-in-southern-maresca',
    headline: "Earthquake kills at least 34 in southern Maresca",
    standfirst: "The magnitude 6.4 quake struck before dawn, collapsing stone houses in the old town of Santa Lucera. Rescuers are searching the rubble for survivors.",
    section: 'world',
    topics: [],
    tags: ['maresca', 'earthquake', 'humanitarian aid'],
    authors: ['sofia-reyes'],
    dateline: 'SANTA LUCERA',
    agency: 'Northern Press Agency',
    hoursAgo: 185,
    commentsOpen: false,
    body: `A powerful earthquake struck southern Maresca before dawn today, killing at least 34 people and injuring more than 200, as buildings collapsed in the old town of Santa Lucera and the surrounding villages.

The country's geological service said the quake had a magnitude of 6.4 and was centred 12 kilometres north-east of Santa Lucera at a depth of 10 kilometres. It was felt as far away as the capital, Merrin, 300 kilometres to the north, and was followed by dozens of aftershocks.

Rescuers worked through the day with heavy machinery and their bare hands in the narrow streets of the old town, where many of the houses are built of stone and are more than two centuries old. Local officials said the death toll was likely to rise as more buildings were searched.

> "We heard a roar like a train, and then the ceiling came down," said Paolo Ferri, 58, a baker who was preparing the morning's bread when the earthquake struck. His wife and two children escaped through a window. "We have nothing left, but we are alive."

Maresca's president, Lucia Anselmi, declared three days of national mourning and a state of emergency in the province, and said soldiers would help distribute tents, water and food to the thousands of people who spent the night outdoors for fear of further tremors.

Vellmark's government said it was sending a 45-strong urban search and rescue team with sniffer dogs, due to arrive in Santa Lucera tonight. Several Vellmark citizens were believed to be in the region on holiday; the Foreign Ministry said none had been reported hurt.

Santa Lucera lies in one of the most seismically active areas of the region. An earthquake of similar size in 1908 destroyed much of the town and killed more than 2,000 people, and building codes introduced since then did not apply to the oldest houses.`,
  },
  {
    slug: 'grey-sea-herring-quota-cut-by-a-fifth-after-two-days-of-talks',
    headline: "Grey Sea herring quota cut by a fifth after two days of talks",
    standfirst: "Five coastal states agreed to reduce catches so that stocks can recover. Vellmark's fishing fleet says the deal is painful but better than a collapse.",
    section: 'world',
    topics: [],
    tags: ['fishing quotas', 'grey sea', 'herring'],
    authors: ['sofia-reyes', 'tomas-hale'],
    dateline: 'PORTLUND',
    agency: 'Continental Wire Service',
    hoursAgo: 305,
    body: `The five countries that fish the Grey Sea agreed early this morning to cut next year's herring catch by 20 per cent, after two days of talks in the Norholt port city of Portlund that ran far past their scheduled close.

The deal sets the total allowable catch at 312,000 tonnes, down from 390,000 tonnes this year. Vellmark's share will be 74,000 tonnes. Quotas for mackerel and cod were left largely unchanged.

Scientists at the Grey Sea Fisheries Council had advised a cut of 35 per cent, warning that the number of young herring joining the stock had fallen for four years in a row. Environmental groups said the agreement ignored that advice and risked repeating the collapse of the 1970s, when the herring fishery was closed entirely for six years.

> "We have taken the biggest step that all five governments could agree on. It is not everything the scientists asked for, but it is a real reduction, and we will review it in a year," said Norholt's fisheries commissioner, Jens Falkvard, who chaired the talks.

In Vellmark, the reaction from the industry was resigned. The country's herring fleet of around 40 vessels, most of them based in Skarvik, landed catches worth 1.1 billion crowns last year.

"Nobody on the quay is celebrating," said Hilde Moberg of the Vellmark Fishermen's Federation. "But our fathers saw what happens when there are no herring left. A smaller catch is better than no catch."

Processors, who turn much of the herring into pickled and smoked products for export, said they expected prices to rise and some seasonal jobs to be lost. The agreement must now be formally approved by each of the five governments, which officials said was a formality.`,
  },
  {
    slug: 'defence-ministry-signs-1-6-billion-crown-contract-for-new-air-defence-radars',
    headline: "Defence Ministry signs 1.6 billion crown contract for new air defence radars",
    standfirst: "The long-range radars will replace a network built in the 1980s. Critics question why the deal was awarded to a single supplier without an open tender.",
    section: 'politics',
    topics: [],
    tags: ['defence', 'armed forces', 'military procurement', 'air defence'],
    authors: ['elin-voss'],
    dateline: 'HALVERN',
    hoursAgo: 280,
    body: `Vellmark's Defence Ministry has signed a contract worth 1.6 billion crowns for six long-range air defence radars, the country's largest military purchase in more than a decade.

The radars, made by the Solvany-based company Arkon Systems, will replace a network of ground stations built in the 1980s that the armed forces say can no longer reliably track modern aircraft, drones or cruise missiles. The first is due to enter service in three years, with the rest following by the end of the decade.

> "Our current radars were designed to see the threats of forty years ago. These will let us see the threats of today, at twice the distance," said Defence Minister Gunnar Vik at a signing ceremony at the ministry.

## Questions over the tender

The contract was awarded without an open competition, under rules that allow the ministry to bypass tendering for purchases linked to national security. At least two rival manufacturers had expressed interest in bidding.

Opposition members of the Assembly's defence committee said they would ask the National Audit Office to examine the deal. "We are not against buying radars. We are against buying them in a way that makes it impossible to know whether we paid the right price," said committee member Ingrid Lohne.

The ministry said a competitive process would have delayed the project by at least two years, and that the Arkon system was already used by the armed forces of three neighbouring countries, making it easier to share air surveillance data with allies.

## Part of a wider programme

The radar purchase is part of a ten-year plan to raise military spending from 1.4 to 2 per cent of national income, agreed by the Assembly last year with support from all the main parties except the Greens. The plan also includes new maritime patrol aircraft, short-range air defence missiles and the renovation of the naval base at Hellund.`,
    image: {
      alt: "A large white radar dome on a hilltop military site, with a fence and a guard post in the foreground",
      caption: "One of the 1980s radar stations that the new Arkon system will replace.",
      credit: 'Photo: Vellmark Armed Forces',
      hue: 90,
      label: 'DEFENCE',
    },
  },
  {
    slug: 'bank-of-vellmark-holds-interest-rate-at-3-75-per-cent-but-signals-cuts-next-year',
    headline: "Bank of Vellmark holds interest rate at 3.75 per cent but signals cuts next year",
    standfirst: "Governor Astrid Moen said inflation was falling faster than expected, but the bank wanted more evidence that wage growth was slowing before lowering borrowing costs.",
    section: 'business',
    topics: [],
    tags: ['interest rates', 'bank of vellmark', 'inflation', 'economy'],
    authors: ['tomas-hale'],
    dateline: 'HALVERN',
    hoursAgo: 96,
    body: `The Bank of Vellmark left its main interest rate unchanged at 3.75 per cent yesterday, as expected, but said it was likely to begin cutting borrowing costs in the first half of next year if inflation continues to ease.

The bank's monetary policy committee was split five to two. The two dissenting members argued for a cut of a quarter of a percentage point, the first time since rates began rising three years ago that any member of the committee has backed a reduction.

> "We have come a long way. Inflation is falling, and the worst is behind us. But we want to be sure that it stays down before we declare the job done," Governor Astrid Moen told a press conference in Halvern.

Consumer price inflation fell to 3.1 per cent last month, from a peak of 8.4 per cent two years ago. Core inflation, which excludes volatile food and fuel costs, was 3.4 per cent. The bank's target is 2 per cent.

Moen said the committee was watching wage settlements closely. Pay rose 5.2 per cent over the past year, which the bank considers too fast to be consistent with its inflation target unless productivity improves.

The bank's new forecasts suggest the rate will fall to about 3 per cent by the end of next year, implying three quarter-point cuts. Financial markets had priced in four, and the crown strengthened slightly against the currencies of Vellmark's main trading partners after the announcement.

Mortgage lenders said fixed rates were unlikely to change in the short term. Henrik Vold, chief economist at Vellmark Savings Bank, described the bank's message as "patient but pointed". "The bank is telling households that relief is coming, just not yet," he said.`,
  },
  {
    slug: 'lark-1-vellmarks-first-home-built-satellite-sends-back-its-first-images',
    headline: "Lark-1, Vellmark's first home-built satellite, sends back its first images",
    standfirst: "The shoebox-sized satellite, built by students and engineers at the University of Halvern, photographed the capital from 520 kilometres up.",
    section: 'science',
    topics: [],
    tags: ['space', 'satellites', 'lark-1', 'earth observation'],
    authors: ['jonas-brekke'],
    dateline: 'HALVERN',
    hoursAgo: 115,
    body: `The first satellite designed and built in Vellmark has sent back its first photographs, a grainy but unmistakable view of Halvern and the forests to its north, taken from an altitude of 520 kilometres.

Lark-1, a so-called CubeSat about the size of a shoebox and weighing just over four kilograms, was launched eleven days ago on a commercial rocket carrying 40 small satellites. Engineers at the University of Halvern's space laboratory spent a tense week establishing reliable contact before commanding its camera to take the first pictures.

> "When the first image appeared on the screen, row by row, the whole room went quiet. Then somebody spotted the cathedral, and everyone started shouting," said Dr Oskar Lindeman, who led the project.

## Built by students

More than 120 students worked on Lark-1 over five years, many of them as part of their degree courses. The satellite cost about 9 million crowns, most of it funded by the national research council and two technology companies, a fraction of the cost of a conventional satellite.

Its main task is to test a new type of compact camera designed at the university, which records light in eight colour bands instead of the usual three. That allows scientists to distinguish between healthy and stressed trees, and to map snow cover more accurately.

## What comes next

Over the coming months the team will use Lark-1 to photograph forests across the north of the country, comparing its measurements with observations on the ground. If the camera performs as hoped, the university plans a constellation of six similar satellites.

The first images, including a wide view of Halvern and a close-up of the northern forests in autumn colours, can be seen in the [university's online gallery](https://example.org/university-of-halvern/lark-1-first-light). Lindeman says the team is already arguing about what to photograph next. "Everyone wants their own house," he said.`,
    image: {
      alt: "A small cube-shaped satellite with solar panels on a laboratory bench, surrounded by students in clean-room suits",
      caption: "Lark-1 being prepared in the University of Halvern's clean room before launch.",
      credit: 'Photo: University of Halvern',
      hue: 250,
      label: 'LARK-1',
    },
  },
  {
    slug: 'review-the-apple-loft-is-a-quiet-devastating-family-drama',
    headline: "Review: The Apple Loft is a quiet, devastating family drama",
    standfirst: "Karin Velde's new play at the Royal Halvern Theatre follows three sisters dividing up their late mother's house. It is the best new writing on a Halvern stage this year.",
    section: 'culture',
    topics: [],
    tags: ['theatre', 'review', 'royal halvern theatre'],
    authors: ['lea-noren'],
    dateline: 'HALVERN',
    hoursAgo: 44,
    body: `Nothing much happens in *The Apple Loft*, and almost everything does. Three sisters meet at their mother's farmhouse a week after her funeral to decide what to keep, what to sell and what to burn. Over two hours and one long, rain-soaked night, they also decide, without ever quite saying so, whether they will remain a family.

Karin Velde, whose previous plays have been small-scale pieces for the studio theatres of Halvern, makes her main-stage debut with a script of remarkable control. The dialogue is plain, often funny and full of the shorthand that only siblings share. The revelations, when they come, are delivered in passing, so that the audience gasps a beat after the characters have already moved on.

The eldest sister, Ragna, is played by Siv Halden with a brittle competence that cracks, gradually and then all at once, in the second act. Malin Oske is superb as Tove, the middle sister who stayed at home to care for their mother and has the receipts to prove it. As the youngest, Frida, newcomer Alva Linde has the hardest part, a woman everyone underestimates, and she is utterly convincing.

> "You don't inherit a house. You inherit the arguments in it."

That line, spoken by Tove as she sorts through a drawer of unpaid invoices, got a knowing laugh on opening night. It is the closest the play comes to a thesis, and Velde is wise enough not to underline it.

Director Jens Ahlberg keeps the staging spare. Designer Nora Quist's set is a single farmhouse kitchen, beautifully cluttered, with the loft of the title visible through a hatch above the stairs, glowing faintly whenever somebody mentions the past. The lighting marks the passage of a night without once calling attention to itself.

If there is a weakness, it is a final scene that ties things up a little too neatly after two hours of welcome ambiguity. But that is a small complaint about a production this assured. Go, and take your siblings, if you dare.

**Four stars.** The Apple Loft runs at the Royal Halvern Theatre until the end of next month.`,
    image: {
      alt: "Three women sitting around a cluttered farmhouse kitchen table on a theatre stage, lit by a single warm lamp",
      caption: "Siv Halden, Malin Oske and Alva Linde in The Apple Loft at the Royal Halvern Theatre.",
      credit: 'Photo: Royal Halvern Theatre / Elsa Moss',
      hue: 20,
      label: 'THEATRE',
    },
  },
  {
    slug: 'ilse-marren-painter-of-the-northern-moors-dies-aged-88',
    headline: "Ilse Marren, painter of the northern moors, dies aged 88",
    standfirst: "For six decades she painted the same bleak, beautiful landscape around her cottage, and made a generation of city dwellers see it through her eyes.",
    section: 'culture',
    topics: [],
    tags: ['obituary', 'painting', 'visual art'],
    authors: ['lea-noren'],
    dateline: 'HALVERN',
    hoursAgo: 205,
    commentsOpen: false,
    body: `Ilse Marren, whose paintings of the northern moors hang in every major gallery in Vellmark and in many of its schools, post offices and town halls, has died at her home in the village of Hollin at the age of 88. Her family said she died peacefully, with a sketchbook on the table beside her bed.

Born in Halvern, the daughter of a printer and a schoolteacher, Marren trained at the Royal Academy of Fine Arts and seemed destined for a career as a portrait painter. In 1962, on a walking holiday, she rented a cottage on the moor above Hollin for a fortnight. She stayed for the rest of her life.

What followed was sixty years of looking at the same few square kilometres of heather, peat, stone and sky. Her early canvases were dark and heavy, almost abstract; her later work became lighter, looser and more full of colour, as if, critics said, the landscape had slowly let her in.

> "She taught a whole country that a place most people drove through on the way to somewhere else was worth stopping for," said Johanna Strid, director of the National Gallery in Halvern, which held a major retrospective of Marren's work five years ago.

Marren was famously indifferent to the art market. She sold paintings to neighbours for the price of a winter's firewood and refused, for decades, to be represented by a dealer. She gave more than 200 works to schools and public buildings in the north, saying that pictures "should be where people are, not where money is".

She was also, friends recall, very funny, a fierce walker well into her eighties and a merciless critic of her own work, burning canvases she judged unworthy in an oil drum behind the cottage.

Marren never married. She is survived by her nephew, Erik, and by the landscape she made her own.`,
    image: {
      alt: "An elderly woman in a heavy wool coat painting at an easel outdoors on a windswept moor",
      caption: "Ilse Marren at work on the moor above Hollin in 2015.",
      credit: 'Photo: Jörg Falk / Courier',
      hue: 75,
      label: 'MARREN',
    },
  },
  {
    slug: 'review-the-lantern-keeper-by-sander-ekker-is-a-debut-of-rare-tenderness',
    headline: "Review: The Lantern Keeper by Sander Ekker is a debut of rare tenderness",
    standfirst: "A widowed railway signalman and a runaway girl share a winter in a remote halt in this spare, luminous first novel.",
    section: 'culture',
    topics: [],
    tags: ['books', 'review', 'debut novel', 'fiction'],
    authors: ['lea-noren'],
    dateline: 'HALVERN',
    hoursAgo: 400,
    body: `Some first novels announce themselves loudly. *The Lantern Keeper*, by the 34-year-old schoolteacher Sander Ekker, arrives almost on tiptoe, and then refuses to leave your head.

The setting is a railway halt high in the northern forests in the 1950s, where three trains a day stop and, some days, nobody gets on or off. Its keeper is Aron, a signalman in his sixties whose wife has recently died. One snowbound evening he finds a girl of about twelve asleep in the waiting room. She will not say her name, so he calls her Wren, and against every rule of the railway and of common sense, he lets her stay.

What follows is a single winter, told in short chapters that move with the patience of the seasons. Not a great deal happens. Aron teaches Wren to read the timetable and to trim the lamps; she teaches him, without meaning to, to speak about his grief. A station inspector visits and must be deceived. The snow comes and goes.

Ekker writes with a restraint that is easy to admire and harder to achieve. His sentences are short and plain, but they are full of precisely observed detail: the smell of paraffin, the sound of a signal wire contracting in the cold, the particular silence of a forest after snowfall. He trusts the reader to feel what his characters cannot say.

> "It was not that the girl made the station less lonely, Aron thought. It was that she made him notice how lonely it had been."

The book is not flawless. A subplot about Wren's family, introduced late, feels like a concession to a publisher's wish for more plot, and the ending resolves a little too quickly. But these are quibbles.

**This is a small book with a very large heart.** The Lantern Keeper is published by Northlight Books, 224 pages, 289 crowns.`,
  },
  {
    slug: 'halvern-film-festival-opens-with-a-documentary-about-the-last-family-circus',
    headline: "Halvern Film Festival opens with a documentary about the last family circus",
    standfirst: "Ten days, 94 films from 31 countries and a red carpet in the rain. The festival's opening film follows the Amadori family through their final season on the road.",
    section: 'culture',
    topics: [],
    tags: ['film', 'halvern film festival', 'documentary'],
    authors: ['lea-noren'],
    dateline: 'HALVERN',
    hoursAgo: 26,
    body: `The Halvern Film Festival opened last night with the premiere of *Under the Big Top*, a documentary about the last travelling family circus in the country, and a red carpet that was, by the end of the evening, more of a puddle.

Directed by Selma Haug, the film follows the five generations of the Amadori family through what they had decided would be their final season on the road: 41 towns, 163 performances, one elderly pony and a great many arguments about money. Haug spent eight months living in a caravan alongside the family.

> "I went in expecting to make a film about the end of something. I came out having made a film about a family that simply refuses to stop," Haug told the audience at the Palladium cinema after the screening.

The Amadoris themselves were in the audience, and received a standing ovation. Lucia Amadori, the 79-year-old matriarch who still performs a tightrope act, told reporters on the rain-soaked carpet that the family had, in fact, changed its mind. "We are going out again next year," she said. "Somebody has to."

Now in its 28th year, the festival is showing 94 feature films and documentaries from 31 countries across nine cinemas, with a strong emphasis on first and second films by young directors. Tickets for most screenings cost 95 crowns, and the festival's popular free outdoor programme on Cathedral Square will run every evening if the weather allows.

Festival director Petra Sundqvist said advance sales were the highest in the festival's history, with more than 48,000 tickets sold before the opening night. Highlights include a restored print of the 1961 classic *The Ferryman's Daughter* and a retrospective of the animator Ola Grieg.

The festival's main prize, the Golden Gull, will be awarded on the final night. A full programme is available at the festival box office and on its website.`,
    image: {
      alt: "An elderly woman in a sequinned costume balancing on a tightrope inside a red and white striped circus tent",
      caption: "Lucia Amadori, 79, in a scene from Under the Big Top, the festival's opening film.",
      credit: 'Photo: Halvern Film Festival',
      hue: 340,
      label: 'FESTIVAL',
    },
  },
  {
    slug: 'teenager-maja-eklund-wins-rain-soaked-hessel-classic-in-a-solo-breakaway',
    headline: "Teenager Maja Eklund wins rain-soaked Hessel Classic in a solo breakaway",
    standfirst: "The 18-year-old rode clear on the last climb of the Hessel hills to become the youngest winner in the race's 63-year history.",
    section: 'sport',
    topics: [],
    tags: ['cycling', 'hessel classic', 'road racing'],
    authors: ['callum-ward'],
    dateline: 'HESSEL',
    agency: 'Northern Press Agency',
    hoursAgo: 440,
    body: `Maja Eklund, an 18-year-old from the mountain village of Bredal, became the youngest winner of the Hessel Classic yesterday, riding away from a group of far more experienced rivals on the last climb and reaching the finish alone in pouring rain.

Eklund, who rides for the small Halvern-based team Velo Norden, finished 41 seconds ahead of the two-time winner Ana Petrovic, with the national champion Kirsten Aasen third, more than a minute behind.

The 148-kilometre race, one of the oldest one-day events on the women's calendar, was run in some of the worst conditions the organisers could remember. Heavy rain and a cold wind on the exposed hill roads reduced the field from 96 starters to 51 finishers.

> "On the last climb I couldn't feel my hands, so I stopped thinking about them and just pedalled," Eklund said. "When I looked back and nobody was there, I started crying. Then I realised I still had 12 kilometres to go."

The decisive moment came on the Skarhill, a 3.2-kilometre climb with sections steeper than 12 per cent, which the race tackles three times. On the final ascent, Eklund accelerated out of a front group of seven riders, and only Petrovic could follow, briefly, before dropping back near the summit.

From there, Eklund descended carefully on the slippery roads and held her advantage on the flat run-in to the finish in Hessel's market square, where a few hundred soaked spectators cheered her home.

Her team manager, Rune Kaspersen, said the team had planned for her to support its older riders. "She was supposed to fetch bottles today," he said, grinning. "I think she will be the one others fetch bottles for from now on."`,
    image: {
      alt: "A young cyclist in a blue jersey riding alone up a steep wet road through heather, with spectators under umbrellas",
      caption: "Maja Eklund climbs the Skarhill alone on her way to victory in the Hessel Classic.",
      credit: 'Photo: Northern Press Agency',
      hue: 160,
      label: 'CYCLING',
    },
  },
]
