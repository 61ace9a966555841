-- YJS Insight database schema (DuckDB).
-- No foreign key points at `areas` or `improvement_actions`: DuckDB rewrites an UPDATE of a row
-- with list columns as delete + insert, which a referenced row refuses. The importers check
-- those references instead (and tests check every reference resolves).
-- Every table that holds figures carries `source`: the seed file and section, the imported
-- file's name, or 'demo'. Areas are keyed by their name, so a user querying the file with
-- DuckDB reads plain names everywhere; aliases cover renames (YOS -> YJS).

CREATE TABLE meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

-- The documents every row's `source` points to, as "<document_id> § <section>": a seed document, a public
-- report or data set, or an imported file (its name, and the day it was imported). Pages show a source
-- through readable_source() in views.sql: title, date and section, never a file's name.
CREATE TABLE documents (
    document_id      VARCHAR PRIMARY KEY,
    title            VARCHAR NOT NULL,
    publisher        VARCHAR,
    published        DATE,               -- the day, or the first of the month when only the month is known
    url              VARCHAR,
    transcribed_from VARCHAR,            -- the seed file or public file the rows were transcribed from
    imported_on      DATE                -- set for an imported file
);

CREATE TABLE areas (
    name              VARCHAR PRIMARY KEY,
    region            VARCHAR,            -- one of the nine English regions, or 'Wales'
    country           VARCHAR,            -- England or Wales (NULL until known)
    local_authorities VARCHAR[] NOT NULL, -- councils the YJS serves (a YJS is not a council)
    population_10_17  INTEGER,
    population_year   INTEGER,
    aliases           VARCHAR[] NOT NULL,
    is_demo           BOOLEAN NOT NULL,
    source            VARCHAR NOT NULL
);

-- The HMIP standards and their names under each framework (4.1 is never scored).
CREATE TABLE standards (
    framework   INTEGER NOT NULL,   -- 2018, 2021
    code        VARCHAR NOT NULL,   -- '1.1' .. '4.1'
    domain      INTEGER NOT NULL,
    domain_name VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    is_scored   BOOLEAN NOT NULL,
    PRIMARY KEY (framework, code)
);

CREATE SEQUENCE inspection_ids START 1;
CREATE TABLE inspections (
    inspection_id   INTEGER PRIMARY KEY DEFAULT nextval('inspection_ids'),
    area            VARCHAR NOT NULL,
    fieldwork_start DATE,
    published       DATE,               -- first of the month when only the month is known
    framework       INTEGER NOT NULL,   -- 2018, 2021, 2025
    overall_rating  VARCHAR,            -- as published (NULL when unknown)
    score           INTEGER,            -- as published, out of 36 (NULL when unknown)
    source          VARCHAR NOT NULL,
    CHECK (published IS NOT NULL OR fieldwork_start IS NOT NULL),
    CHECK (score IS NULL OR score BETWEEN 0 AND 36)
);

CREATE TABLE standard_ratings (
    inspection_id INTEGER NOT NULL REFERENCES inspections (inspection_id),
    code          VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,     -- as that framework (or that report) names it
    rating        VARCHAR NOT NULL,     -- Outstanding, Good, Requires improvement, Inadequate, Not rated
    source        VARCHAR NOT NULL,
    PRIMARY KEY (inspection_id, code)
);

CREATE TABLE case_samples (
    inspection_id   INTEGER NOT NULL REFERENCES inspections (inspection_id),
    domain          INTEGER NOT NULL,   -- 2 court disposals, 3 out-of-court, 4 resettlement
    cases_inspected INTEGER NOT NULL,
    note            VARCHAR,
    source          VARCHAR NOT NULL,
    PRIMARY KEY (inspection_id, domain)
);

CREATE TABLE key_questions (
    inspection_id  INTEGER NOT NULL REFERENCES inspections (inspection_id),
    standard_code  VARCHAR NOT NULL,
    question_no    INTEGER NOT NULL,
    theme          VARCHAR NOT NULL,    -- desistance, child safety, others' safety, other
    question       VARCHAR NOT NULL,
    relevant_cases INTEGER,             -- NULL where only a % was published
    number_yes     INTEGER,
    pct_yes        DOUBLE,              -- as published (NULL where only counts were)
    source         VARCHAR NOT NULL,
    PRIMARY KEY (inspection_id, standard_code, question_no),
    CHECK (number_yes IS NULL OR number_yes <= relevant_cases)
);

CREATE TABLE key_question_prompts (
    inspection_id  INTEGER NOT NULL REFERENCES inspections (inspection_id),
    standard_code  VARCHAR NOT NULL,
    question_no    INTEGER NOT NULL,
    prompt_no      INTEGER NOT NULL,
    prompt         VARCHAR NOT NULL,
    relevant_cases INTEGER,
    number_yes     INTEGER,
    source         VARCHAR NOT NULL,
    PRIMARY KEY (inspection_id, standard_code, question_no, prompt_no)
);

CREATE TABLE recommendations (
    inspection_id INTEGER NOT NULL REFERENCES inspections (inspection_id),
    number        INTEGER NOT NULL,
    addressee     VARCHAR,
    text          VARCHAR NOT NULL,
    source        VARCHAR NOT NULL,
    PRIMARY KEY (inspection_id, number)
);

CREATE TABLE recommendation_updates (
    inspection_id INTEGER NOT NULL REFERENCES inspections (inspection_id),
    number        INTEGER NOT NULL,
    update_date   DATE NOT NULL,
    narrative     VARCHAR NOT NULL,
    brag          VARCHAR,              -- Blue, Green, Amber, Red where the report gives one
    source        VARCHAR NOT NULL,
    PRIMARY KEY (inspection_id, number, update_date)
);

CREATE TABLE findings (
    inspection_id INTEGER NOT NULL REFERENCES inspections (inspection_id),
    number        INTEGER NOT NULL,
    kind          VARCHAR NOT NULL,     -- strength, area for improvement, key finding
    text          VARCHAR NOT NULL,
    source        VARCHAR NOT NULL,
    PRIMARY KEY (inspection_id, number)   -- numbered through the report, across kinds
);

CREATE TABLE improvement_plans (
    plan          VARCHAR PRIMARY KEY,
    area          VARCHAR NOT NULL,
    title         VARCHAR NOT NULL,
    plan_date     DATE,
    inspection_id INTEGER REFERENCES inspections (inspection_id),
    source        VARCHAR NOT NULL
);

-- A plan's pillar or theme with its own lead and board sponsor (Reading names one per pillar).
CREATE TABLE plan_themes (
    plan          VARCHAR NOT NULL REFERENCES improvement_plans (plan),
    theme         VARCHAR NOT NULL,
    lead          VARCHAR,
    board_sponsor VARCHAR,
    source        VARCHAR NOT NULL,
    PRIMARY KEY (plan, theme)
);

CREATE SEQUENCE action_ids START 1;
CREATE TABLE improvement_actions (
    action_id       INTEGER PRIMARY KEY DEFAULT nextval('action_ids'),
    plan            VARCHAR NOT NULL REFERENCES improvement_plans (plan),
    ref             VARCHAR NOT NULL,   -- the plan's own numbering
    theme           VARCHAR,            -- pillar, priority area or numbered area
    recommendations INTEGER[],          -- numbers of the recommendations it answers
    action          VARCHAR NOT NULL,
    finding         VARCHAR,            -- what HMIP found (why)
    lead            VARCHAR,
    agency          VARCHAR,            -- the partner agency responsible (police, health, education...)
    board_sponsor   VARCHAR,
    start_text      VARCHAR,
    start_date      DATE,
    due_text        VARCHAR,            -- the plan's own words ("March 2025", "Ongoing")
    due_date        DATE,
    measures        VARCHAR,
    evidence        VARCHAR,
    evidence_link   VARCHAR,            -- a link to the evidence, added in the app
    source          VARCHAR NOT NULL,
    UNIQUE (plan, ref)
);

-- Append-only: a status change adds a row; the current status is the latest row.
CREATE TABLE action_status_updates (
    action_id   INTEGER NOT NULL,
    update_date DATE NOT NULL,
    brag        VARCHAR,                -- Blue, Green, Amber, Red (NULL where the text is unclear)
    status_text VARCHAR,                -- the source's own words
    read_from   VARCHAR,                -- 'completion month' where the BRAG was read from a month in a
                                        -- completion column (yjs/domain/brag.py); NULL where the words state it
    note        VARCHAR,                -- progress commentary (the plan's "Progress" column, or an app note)
    updated_by  VARCHAR,
    source      VARCHAR NOT NULL,
    recorded_at TIMESTAMP               -- when it was written: orders two updates on one day
);

CREATE TABLE indicators (
    code              VARCHAR PRIMARY KEY,
    name              VARCHAR NOT NULL,
    definition        VARCHAR NOT NULL,
    unit              VARCHAR NOT NULL, -- 'rate per 100,000', '%', 'count', 'ratio', 'rate per 1,000'
    polarity          VARCHAR NOT NULL, -- 'higher is better', 'lower is better', 'neither'
    period_type       VARCHAR NOT NULL, -- 'calendar year', 'financial year', 'quarter', 'rolling 12 months'
    numerator_label   VARCHAR,
    denominator_label VARCHAR,
    source            VARCHAR NOT NULL,
    is_local          BOOLEAN NOT NULL DEFAULT false -- defined by a user's import, not shipped in the catalogue
);

-- `area` is an area name or a reference geography ('England and Wales', a region name).
CREATE TABLE indicator_values (
    area           VARCHAR NOT NULL,
    indicator_code VARCHAR NOT NULL REFERENCES indicators (code),
    period         VARCHAR NOT NULL,    -- '2023', '2023-24', '2023-Q2'
    period_end     DATE NOT NULL,
    value          DOUBLE,
    numerator      DOUBLE,
    denominator    DOUBLE,
    is_reference   BOOLEAN NOT NULL,
    source         VARCHAR NOT NULL,
    PRIMARY KEY (area, indicator_code, period)
);

CREATE TABLE population (
    area      VARCHAR NOT NULL,
    year      INTEGER NOT NULL,
    ethnicity VARCHAR NOT NULL,         -- White, Black, Asian, Mixed, Other, or a published aggregate
    sex       VARCHAR NOT NULL,         -- Female, Male, All
    age_band  VARCHAR NOT NULL,         -- '10-13', '14-15', '16-17', '10-17'
    count     INTEGER,
    share     DOUBLE,                   -- of the area's 10-17 population, where only a share is published
    source    VARCHAR NOT NULL,
    PRIMARY KEY (area, year, ethnicity, sex, age_band)
);

-- Contextual facts from the documents: caseloads, demographics, staffing, funding.
CREATE TABLE context_figures (
    area        VARCHAR NOT NULL,
    topic       VARCHAR NOT NULL,
    measure     VARCHAR NOT NULL,
    value       DOUBLE,
    unit        VARCHAR,
    as_at       VARCHAR,
    note        VARCHAR,                -- the document's own words
    source      VARCHAR NOT NULL,
    qualifier   VARCHAR,                -- 'over' (a lower bound) or 'under' (an upper bound) as the document words it
    numerator   DOUBLE,                 -- a share's published count ("three of five"), kept with it
    denominator DOUBLE,
    CHECK (qualifier IS NULL OR qualifier IN ('over', 'under')),
    CHECK ((numerator IS NULL) = (denominator IS NULL))
);

-- One row per child episode; pseudonymised ids only, never names.
CREATE TABLE cohort (
    child_id              VARCHAR NOT NULL,
    area                  VARCHAR NOT NULL,
    age_at_start          TINYINT NOT NULL,
    sex                   VARCHAR NOT NULL,
    ethnicity             VARCHAR NOT NULL,   -- White, Black, Asian, Mixed, Other, Unknown
    disposal_type         VARCHAR NOT NULL,   -- Out-of-court, Court
    disposal              VARCHAR NOT NULL,
    offence_category      VARCHAR NOT NULL,
    start_date            DATE NOT NULL,
    end_date              DATE,
    care_status           VARCHAR NOT NULL,   -- Looked after, Child in need, Child protection, Care leaver, None
    send                  BOOLEAN NOT NULL,
    ete_status_at_end     VARCHAR,
    substance_misuse      BOOLEAN NOT NULL,
    mental_health         BOOLEAN NOT NULL,
    risk_of_serious_harm  VARCHAR NOT NULL,   -- Low, Medium, High, Very high
    safety_and_wellbeing  VARCHAR NOT NULL,
    reoffended_12m        BOOLEAN,            -- NULL until 12 months (plus time to prove) have passed
    -- Measured at the end of an order for the 2023 KPIs (NULL while the order is open):
    suitable_accommodation_at_end BOOLEAN,
    send_formal_plan      BOOLEAN,            -- children with SEND: a formal plan (EHCP) in place
    mental_health_support BOOLEAN,            -- children with a need: receiving support
    substance_misuse_support BOOLEAN,         -- children with a need: receiving support
    completed             BOOLEAN,            -- the disposal or order was completed successfully
    -- Disclosure control (the cell key method): a random key from 0 to 255, drawn once when the episode is
    -- first built or imported and never redrawn, so the same cell always gets the same noise. Never shown.
    record_key            UTINYINT NOT NULL,
    source                VARCHAR NOT NULL
    -- One row per episode (child_id, start_date), kept by the import's SQL rather than a PRIMARY KEY:
    -- DuckDB holds a key's index in memory whole (137 MB at a million episodes), which pushed a large
    -- import past its memory bound. A file's repeated episodes are refused (read/cohort/repeated_cohort_rows),
    -- an episode imported again replaces the stored one, and the write checks the result
    -- (read/cohort/repeated_stored_episodes) before it is kept.
);

-- The perturbation table of the cell key method (data/ptable.csv, ONS's published table): the noise
-- `pvalue` added to a count, by the count (`pcv`: counts above 750 reuse the rows 501-750) and the
-- cell's key (`ckey`: the sum of its records' keys, modulo 256). Checked by the build
-- (yjs/domain/disclosure.py check_ptable).
CREATE TABLE ptable (
    pcv    SMALLINT NOT NULL,
    ckey   UTINYINT NOT NULL,
    pvalue SMALLINT NOT NULL,
    PRIMARY KEY (pcv, ckey)
);

-- The same noise as one list, the entry for (pcv, ckey) at (pcv - 1) * 256 + ckey + 1: the counting
-- queries look a cell's noise up in it (data/views.sql `perturbed`) instead of joining 192,000 rows.
CREATE TABLE ptable_lookup (
    pvalues SMALLINT[] NOT NULL
);

-- Every value of each cohort dimension, numbered in its natural order: filled from
-- yjs/domain/cohort.py DIMENSIONS, the one place they are listed, before views.sql makes each
-- dimension's ENUM type from them.
CREATE TABLE cohort_dimension_values (
    dimension VARCHAR NOT NULL,
    position  INTEGER NOT NULL,
    value     VARCHAR NOT NULL,
    PRIMARY KEY (dimension, value)
);

-- HMIP's scoring rules as tables, filled from yjs.rules at build time so the views below and
-- the Python rules can never disagree.
CREATE TABLE rating_scores (
    rating VARCHAR PRIMARY KEY,
    score  INTEGER NOT NULL
);

CREATE TABLE score_bands (
    rating    VARCHAR PRIMARY KEY,
    min_score INTEGER NOT NULL,
    max_score INTEGER NOT NULL
);

-- Named groups of areas a user saves to compare against (shared by every page).
CREATE TABLE comparator_groups (
    name     VARCHAR NOT NULL,
    area     VARCHAR NOT NULL,
    saved_by VARCHAR,
    saved_at TIMESTAMP,
    source   VARCHAR,                  -- a ready-made group's document (statistical neighbours); NULL when saved in the app
    PRIMARY KEY (name, area)
);

-- Column mappings of plan files, saved on the Load data page under a name and reused there or with
-- `python -m yjs import actions FILE --mapping NAME`: each heading (normalised) and its field, or
-- NULL for a column left out.
CREATE TABLE column_mappings (
    name     VARCHAR NOT NULL,
    kind     VARCHAR NOT NULL,   -- the import kind ('actions')
    heading  VARCHAR NOT NULL,
    field    VARCHAR,
    saved_by VARCHAR,
    saved_at TIMESTAMP,
    PRIMARY KEY (name, kind, heading)
);

-- Append-only, field-level history of every change to an improvement action made in the app or by
-- a re-import: who, when, which field, the old and the new value (as text), and why. Nothing in
-- improvement_actions changes without a row here, so any earlier state can be rebuilt, and the
-- number of rows for an action is its version (an edit made from an older version is refused).
CREATE SEQUENCE action_edit_ids START 1;
CREATE TABLE action_edits (
    edit_id   INTEGER PRIMARY KEY DEFAULT nextval('action_edit_ids'),
    action_id INTEGER NOT NULL,
    edited_at TIMESTAMP NOT NULL,
    edited_by VARCHAR NOT NULL,
    field     VARCHAR NOT NULL,   -- 'status', 'due_date', 'progress_note', 'evidence_link', 'created', or an imported column
    old_value VARCHAR,
    new_value VARCHAR,
    reason    VARCHAR,
    source    VARCHAR NOT NULL    -- 'app', or the imported file's name
);
-- audit_log (the append-only audit trail) is created from queries/write/audit/create_audit_log.sql by the build
-- and, in a database built before it existed, by the first audited write (yjs/audit.py).
