-- 0001-initial: the whole domain of GLOSSARY.md.
--
-- Conventions: every record table has `id` and `version` (bumped by every
-- update; an update that finds another version is a conflict).  Dates are
-- ISO text 'YYYY-MM-DD', months 'YYYY-MM', times 'HH:MM'; NULL is "not
-- given".  Personal text never goes into `audit`.

CREATE TABLE client (
	id              INTEGER PRIMARY KEY,
	version         INTEGER NOT NULL DEFAULT 1,
	name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	kana            TEXT NOT NULL DEFAULT '' CHECK (length(kana) <= 200),
	sort_key        TEXT NOT NULL DEFAULT '',  -- folded kana, then name
	search_key      TEXT NOT NULL DEFAULT '',  -- folded name + kana, for search
	birth_on        TEXT,
	sex             TEXT NOT NULL DEFAULT '' CHECK (sex IN ('', 'female', 'male', 'other')),
	case_kind       TEXT NOT NULL DEFAULT 'plan'
	                CHECK (case_kind IN ('plan', 'child', 'transition', 'retention')),
	status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
	closed_on       TEXT,
	recipient_no    TEXT NOT NULL DEFAULT '',
	municipality    TEXT NOT NULL DEFAULT '',
	address         TEXT NOT NULL DEFAULT '',
	phone           TEXT NOT NULL DEFAULT '',
	housing         TEXT NOT NULL DEFAULT '',  -- 住環境
	disability      TEXT NOT NULL DEFAULT '',  -- 障害名・疾患名
	handbook_kind   TEXT NOT NULL DEFAULT '',
	handbook_grade  TEXT NOT NULL DEFAULT '',
	support_level   INTEGER CHECK (support_level BETWEEN 0 AND 6),
	copay_cap_yen   INTEGER CHECK (copay_cap_yen >= 0),
	remarks         TEXT NOT NULL DEFAULT '',
	created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX client_by_sort ON client (status, sort_key, id);
CREATE INDEX client_by_recipient ON client (recipient_no) WHERE recipient_no <> '';

CREATE TABLE contact (
	id              INTEGER PRIMARY KEY,
	version         INTEGER NOT NULL DEFAULT 1,
	client_id       INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
	role            TEXT NOT NULL DEFAULT 'other' CHECK (role IN
	                ('family', 'guardian', 'doctor', 'provider', 'school', 'municipality', 'other')),
	name            TEXT NOT NULL,
	kana            TEXT NOT NULL DEFAULT '',
	relation        TEXT NOT NULL DEFAULT '',  -- 続柄 or job title
	organization    TEXT NOT NULL DEFAULT '',
	phone           TEXT NOT NULL DEFAULT '',
	address         TEXT NOT NULL DEFAULT '',
	remarks         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contact_by_client ON contact (client_id);

CREATE TABLE certificate (
	id              INTEGER PRIMARY KEY,
	version         INTEGER NOT NULL DEFAULT 1,
	client_id       INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
	kind            TEXT NOT NULL CHECK (kind IN ('service', 'day_service', 'community', 'support_level')),
	number          TEXT NOT NULL DEFAULT '',
	municipality    TEXT NOT NULL DEFAULT '',
	valid_from      TEXT NOT NULL,
	valid_to        TEXT NOT NULL,
	support_level   INTEGER CHECK (support_level BETWEEN 0 AND 6),
	copay_cap_yen   INTEGER CHECK (copay_cap_yen >= 0),
	remarks         TEXT NOT NULL DEFAULT '',
	CHECK (valid_from <= valid_to)
);
CREATE INDEX certificate_by_client ON certificate (client_id);
CREATE INDEX certificate_by_end ON certificate (valid_to);

CREATE TABLE consent (
	id              INTEGER PRIMARY KEY,
	version         INTEGER NOT NULL DEFAULT 1,
	client_id       INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
	shared_with     TEXT NOT NULL,
	purpose         TEXT NOT NULL DEFAULT '',
	valid_from      TEXT NOT NULL,
	valid_to        TEXT NOT NULL,
	withdrawn_on    TEXT,
	remarks         TEXT NOT NULL DEFAULT '',
	CHECK (valid_from <= valid_to)
);
CREATE INDEX consent_by_client ON consent (client_id);
CREATE INDEX consent_by_end ON consent (valid_to);

CREATE TABLE intake (
	id              INTEGER PRIMARY KEY,
	version         INTEGER NOT NULL DEFAULT 1,
	client_id       INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
	intake_on       TEXT NOT NULL,
	referral_route  TEXT NOT NULL DEFAULT '',
	complaint       TEXT NOT NULL DEFAULT '',  -- 主訴, in the client's words
	client_wishes   TEXT NOT NULL DEFAULT '',
	family_wishes   TEXT NOT NULL DEFAULT '',
	urgency         INTEGER NOT NULL DEFAULT 1 CHECK (urgency BETWEEN 1 AND 3),
	consent_taken   INTEGER NOT NULL DEFAULT 0 CHECK (consent_taken IN (0, 1)),
	remarks         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX intake_by_client ON intake (client_id);

CREATE TABLE assessment (
	id              INTEGER PRIMARY KEY,
	version         INTEGER NOT NULL DEFAULT 1,
	client_id       INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
	assessed_on     TEXT NOT NULL,
	health          TEXT NOT NULL DEFAULT '',  -- 健康状態
	client_wishes   TEXT NOT NULL DEFAULT '',
	family_wishes   TEXT NOT NULL DEFAULT '',
	family          TEXT NOT NULL DEFAULT '',  -- 家族構成
	agencies        TEXT NOT NULL DEFAULT '',  -- 関係機関
	life_history    TEXT NOT NULL DEFAULT '',  -- 生活歴
	medical         TEXT NOT NULL DEFAULT '',  -- 医療の状況
	remarks         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assessment_by_client ON assessment (client_id, assessed_on);

CREATE TABLE assessment_item (
	id              INTEGER PRIMARY KEY,
	version         INTEGER NOT NULL DEFAULT 1,
	assessment_id   INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
	position        INTEGER NOT NULL DEFAULT 0,
	component       TEXT NOT NULL CHECK (component IN ('b', 's', 'd', 'e', 'personal')),
	icf_code        TEXT NOT NULL DEFAULT '',
	qualifier       INTEGER CHECK (qualifier IN (0, 1, 2, 3, 4, 8, 9)),  -- d: performance
	capacity        INTEGER CHECK (capacity IN (0, 1, 2, 3, 4, 8, 9)),   -- d only
	facilitator     INTEGER NOT NULL DEFAULT 0 CHECK (facilitator IN (0, 1)),  -- e only
	fact            TEXT NOT NULL DEFAULT '',
	interpretation  TEXT NOT NULL DEFAULT '',
	strength        INTEGER NOT NULL DEFAULT 0 CHECK (strength IN (0, 1)),
	need            INTEGER NOT NULL DEFAULT 0 CHECK (need IN (0, 1))
);
CREATE INDEX assessment_item_by_assessment ON assessment_item (assessment_id, position);

CREATE TABLE plan (
	id              INTEGER PRIMARY KEY,
	version         INTEGER NOT NULL DEFAULT 1,
	client_id       INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
	stage           TEXT NOT NULL DEFAULT 'draft' CHECK (stage IN ('draft', 'final', 'superseded')),
	previous_id     INTEGER REFERENCES plan (id) ON DELETE SET NULL,
	written_on      TEXT,
	consented_on    TEXT,
	delivered_on    TEXT,
	period_from     TEXT NOT NULL,
	period_to       TEXT NOT NULL,
	monitoring_months INTEGER NOT NULL CHECK (monitoring_months IN (1, 2, 3, 6, 12)),
	anchor_month    TEXT NOT NULL,             -- 'YYYY-MM': the month the period starts
	wishes          TEXT NOT NULL DEFAULT '',
	policy          TEXT NOT NULL DEFAULT '',
	long_goal       TEXT NOT NULL DEFAULT '',
	short_goal      TEXT NOT NULL DEFAULT '',
	daily_activities TEXT NOT NULL DEFAULT '', -- 主な日常生活上の活動
	overall_picture TEXT NOT NULL DEFAULT '',  -- サービス提供によって実現する生活の全体像
	remarks         TEXT NOT NULL DEFAULT '',
	CHECK (period_from <= period_to),
	CHECK (stage <> 'final' OR consented_on IS NOT NULL)
);
CREATE INDEX plan_by_client ON plan (client_id, stage);

-- Every setting of a plan's monitoring interval, from the month it takes
-- effect; the first is the anchor month.  A change keeps the anchor.
CREATE TABLE plan_interval (
	id              INTEGER PRIMARY KEY,
	plan_id         INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
	from_month      TEXT NOT NULL,
	months          INTEGER NOT NULL CHECK (months IN (1, 2, 3, 6, 12)),
	UNIQUE (plan_id, from_month)
);

CREATE TABLE plan_row (
	id              INTEGER PRIMARY KEY,
	version         INTEGER NOT NULL DEFAULT 1,
	plan_id         INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
	priority        INTEGER NOT NULL DEFAULT 1,
	need            TEXT NOT NULL DEFAULT '',
	goal            TEXT NOT NULL DEFAULT '',
	target_on       TEXT,
	service_kind    TEXT NOT NULL DEFAULT '',
	service_detail  TEXT NOT NULL DEFAULT '',
	service_amount  TEXT NOT NULL DEFAULT '',
	provider        TEXT NOT NULL DEFAULT '',
	client_role     TEXT NOT NULL DEFAULT '',
	review_on       TEXT,
	remarks         TEXT NOT NULL DEFAULT '',
	assessment_item_id INTEGER REFERENCES assessment_item (id) ON DELETE SET NULL
);
CREATE INDEX plan_row_by_plan ON plan_row (plan_id, priority);

CREATE TABLE weekly_slot (
	id              INTEGER PRIMARY KEY,
	version         INTEGER NOT NULL DEFAULT 1,
	plan_id         INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
	weekday         INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),  -- 0 月 .. 6 日・祝
	start_min       INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1440),
	end_min         INTEGER NOT NULL CHECK (end_min BETWEEN 0 AND 1440),
	activity        TEXT NOT NULL DEFAULT '',
	CHECK (start_min < end_min)
);
CREATE INDEX weekly_slot_by_plan ON weekly_slot (plan_id, weekday, start_min);

CREATE TABLE non_weekly (
	id              INTEGER PRIMARY KEY,
	version         INTEGER NOT NULL DEFAULT 1,
	plan_id         INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
	position        INTEGER NOT NULL DEFAULT 0,
	service         TEXT NOT NULL DEFAULT '',
	detail          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX non_weekly_by_plan ON non_weekly (plan_id, position);

CREATE TABLE meeting (
	id              INTEGER PRIMARY KEY,
	version         INTEGER NOT NULL DEFAULT 1,
	client_id       INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
	plan_id         INTEGER REFERENCES plan (id) ON DELETE SET NULL,
	held_on         TEXT NOT NULL,
	place           TEXT NOT NULL DEFAULT '',
	attendees       TEXT NOT NULL DEFAULT '',
	agenda          TEXT NOT NULL DEFAULT '',
	agreed          TEXT NOT NULL DEFAULT '',
	remarks         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meeting_by_client ON meeting (client_id, held_on);

CREATE TABLE action_item (
	id              INTEGER PRIMARY KEY,
	version         INTEGER NOT NULL DEFAULT 1,
	meeting_id      INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
	what            TEXT NOT NULL,
	owner           TEXT NOT NULL DEFAULT '',
	due_on          TEXT,
	indicator       TEXT NOT NULL DEFAULT '',
	done_on         TEXT
);
CREATE INDEX action_item_by_meeting ON action_item (meeting_id);
CREATE INDEX action_item_open ON action_item (due_on) WHERE done_on IS NULL;

CREATE TABLE monitoring (
	id              INTEGER PRIMARY KEY,
	version         INTEGER NOT NULL DEFAULT 1,
	client_id       INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
	plan_id         INTEGER REFERENCES plan (id) ON DELETE SET NULL,
	scheduled_on    TEXT,                      -- planned visit, from the calendar
	done_on         TEXT,                      -- モニタリング実施日; NULL while only scheduled
	method          TEXT NOT NULL DEFAULT 'visit' CHECK (method IN ('visit', 'office', 'other')),
	situation       TEXT NOT NULL DEFAULT '',  -- 全体の状況
	change_needed   INTEGER NOT NULL DEFAULT 0 CHECK (change_needed IN (0, 1)),
	remarks         TEXT NOT NULL DEFAULT '',
	CHECK (scheduled_on IS NOT NULL OR done_on IS NOT NULL)
);
CREATE INDEX monitoring_by_client ON monitoring (client_id, done_on);
CREATE INDEX monitoring_by_done ON monitoring (done_on);
CREATE INDEX monitoring_by_scheduled ON monitoring (scheduled_on) WHERE done_on IS NULL;

CREATE TABLE monitoring_row (
	id              INTEGER PRIMARY KEY,
	version         INTEGER NOT NULL DEFAULT 1,
	monitoring_id   INTEGER NOT NULL REFERENCES monitoring (id) ON DELETE CASCADE,
	plan_row_id     INTEGER REFERENCES plan_row (id) ON DELETE SET NULL,
	delivery        TEXT NOT NULL DEFAULT '',
	satisfaction    TEXT NOT NULL DEFAULT '',
	attainment      TEXT NOT NULL DEFAULT '',
	gas             INTEGER CHECK (gas BETWEEN -2 AND 2),
	next_steps      TEXT NOT NULL DEFAULT '',
	change_kind     INTEGER NOT NULL DEFAULT 0 CHECK (change_kind IN (0, 1)),
	change_amount   INTEGER NOT NULL DEFAULT 0 CHECK (change_amount IN (0, 1)),
	change_weekly   INTEGER NOT NULL DEFAULT 0 CHECK (change_weekly IN (0, 1)),
	remarks         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX monitoring_row_by_monitoring ON monitoring_row (monitoring_id);
CREATE INDEX monitoring_row_by_plan_row ON monitoring_row (plan_row_id);

CREATE TABLE note (
	id              INTEGER PRIMARY KEY,
	version         INTEGER NOT NULL DEFAULT 1,
	client_id       INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
	noted_on        TEXT NOT NULL,
	noted_at        TEXT,                      -- 'HH:MM'
	kind            TEXT NOT NULL CHECK (kind IN ('meeting', 'visit', 'phone', 'conference', 'accompany')),
	minutes         INTEGER CHECK (minutes >= 0),
	subjective      TEXT NOT NULL DEFAULT '',
	objective       TEXT NOT NULL DEFAULT '',
	assessment      TEXT NOT NULL DEFAULT '',
	plan            TEXT NOT NULL DEFAULT '',
	fact            TEXT NOT NULL DEFAULT '',
	interpretation  TEXT NOT NULL DEFAULT '',
	next_step       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX note_by_client ON note (client_id, noted_on);

CREATE TABLE crisis_plan (
	id              INTEGER PRIMARY KEY,
	version         INTEGER NOT NULL DEFAULT 1,
	client_id       INTEGER NOT NULL UNIQUE REFERENCES client (id) ON DELETE CASCADE,
	warning_signs   TEXT NOT NULL DEFAULT '',
	actions         TEXT NOT NULL DEFAULT '',
	whom_to_call    TEXT NOT NULL DEFAULT ''
);

-- Who changed what and when; never the personal text itself.
CREATE TABLE audit (
	id              INTEGER PRIMARY KEY,
	at              TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	login           TEXT NOT NULL,
	tbl             TEXT NOT NULL,
	row_id          INTEGER NOT NULL,
	action          TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'close', 'reopen'))
);
CREATE INDEX audit_by_row ON audit (tbl, row_id);
