/*
 * gen_office.c - a deterministic large office for `make bench`, written
 * through the store's own code so it exercises the real schema, indexes,
 * audit rows and versions.
 *
 *	gen_office DB CLIENTS [NOTES_PER_CLIENT]
 *
 * Per client: two certificates (one ended, one current), a consent, two
 * plans (a superseded one and the final plan in force, each with three
 * rows and five weekly slots), monitorings over five years (four old
 * ones, then one in most due months of the two plans: about ten),
 * a meeting with an action item, and NOTES_PER_CLIENT (default 100)
 * progress notes.  "Today" is fixed at 2026-11-23 so the numbers repeat.
 * At 10,000 clients: 20,000 plans, about 100,000 monitorings, 1,000,000
 * notes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/db.h"
#include "tsunagi/records.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_plan.h"
#include "tsunagi/xalloc.h"

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint32_t rnd(uint32_t n)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (uint32_t)((rng * 2685821657736338717ULL) >> 33) % n;
}

static const char *const sur[][2] = {
	{ "佐藤", "さとう" }, { "鈴木", "すずき" }, { "高橋", "たかはし" }, { "田中", "たなか" },
	{ "伊藤", "いとう" }, { "渡辺", "わたなべ" }, { "山本", "やまもと" }, { "中村", "なかむら" },
	{ "小林", "こばやし" }, { "加藤", "かとう" }, { "吉田", "よしだ" }, { "山田", "やまだ" },
	{ "佐々木", "ささき" }, { "山口", "やまぐち" }, { "松本", "まつもと" }, { "井上", "いのうえ" },
	{ "木村", "きむら" }, { "林", "はやし" }, { "斎藤", "さいとう" }, { "清水", "しみず" },
};
static const char *const giv[][2] = {
	{ "太郎", "たろう" }, { "花子", "はなこ" }, { "健一", "けんいち" }, { "美咲", "みさき" },
	{ "翔太", "しょうた" }, { "陽菜", "ひな" }, { "大輔", "だいすけ" }, { "由美", "ゆみ" },
	{ "誠", "まこと" }, { "恵子", "けいこ" }, { "蓮", "れん" }, { "さくら", "さくら" },
};

static void die(const char *what, const tsu_err *e)
{
	fprintf(stderr, "gen_office: %s: %s\n", what, e->msg);
	exit(1);
}

#define SET(rt, rec, col, val) do { \
	if (record_set(&(rt), (rec), record_field(&(rt), (col)), (val), &e) != TSU_OK) \
		die(col, &e); } while (0)

static void add_plan(db *d, int64_t cid, date_t from, int months, const char *stage)
{
	plan p;
	tsu_err e;

	record_init(&rt_plan, &p);
	p.client_id = cid;
	p.period_from = from;
	p.period_to = date_add_years(from, 1) - 1;
	p.monitoring_months = months;
	p.written_on = from - 10;
	/* Written as a draft and then made final: a consented plan takes
	 * no more rows. */
	SET(rt_plan, &p, "policy", "本人の希望を大切にし、地域での安定した生活を支える。");
	if (store_plan_add(d, &p, &e) != TSU_OK)
		die("plan", &e);
	for (int r = 0; r < 3; r++) {
		plan_row pr;
		record_init(&rt_plan_row, &pr);
		pr.plan_id = p.id;
		pr.priority = r + 1;
		SET(rt_plan_row, &pr, "need", "一人暮らしを続けたい");
		SET(rt_plan_row, &pr, "goal", "週2回の家事援助で生活を整える");
		SET(rt_plan_row, &pr, "service_kind", "居宅介護");
		pr.review_on = date_add_months(from, 6) - 1;
		if (store_record_add(d, &rt_plan_row, &pr, &e) != TSU_OK)
			die("plan row", &e);
		record_free(&rt_plan_row, &pr);
	}
	for (int w = 0; w < 5; w++) {
		weekly_slot ws;
		record_init(&rt_weekly_slot, &ws);
		ws.plan_id = p.id;
		ws.weekday = w;
		ws.start_min = 600;
		ws.end_min = 900;
		SET(rt_weekly_slot, &ws, "activity", "生活介護");
		if (store_record_add(d, &rt_weekly_slot, &ws, &e) != TSU_OK)
			die("weekly slot", &e);
		record_free(&rt_weekly_slot, &ws);
	}
	if (strcmp(stage, "final") == 0 && store_plan_finalise(d, p.id, from - 3, &e) != TSU_OK)
		die("final plan", &e);
	record_free(&rt_plan, &p);
}

static void add_monitoring(db *d, int64_t cid, date_t on)
{
	monitoring mo;
	tsu_err e;

	record_init(&rt_monitoring, &mo);
	mo.client_id = cid;
	mo.done_on = on;
	if (store_record_add(d, &rt_monitoring, &mo, &e) != TSU_OK)
		die("monitoring", &e);
	record_free(&rt_monitoring, &mo);
}

int main(int argc, char **argv)
{
	date_t today = date_from_ymd(2026, 11, 23);
	long clients, notes_per = 100;
	db *d;
	tsu_err e;

	if (argc < 3 || (clients = atol(argv[2])) < 1) {
		fprintf(stderr, "usage: gen_office DB CLIENTS [NOTES_PER_CLIENT]\n");
		return 2;
	}
	if (argc > 3)
		notes_per = atol(argv[3]);
	if (db_open(&d, argv[1], DB_CREATE, &e) != TSU_OK)
		die("open", &e);
	db_stmt *s = db_prepare(d, "PRAGMA synchronous = OFF");
	db_step(s);
	db_reset(s);

	for (long i = 0; i < clients; i++) {
		client c;
		char buf[64];

		if (i % 500 == 0 && db_begin(d, &e) != TSU_OK)
			die("begin", &e);
		client_init(&c);
		int si = (int)rnd(20), gi = (int)rnd(12);
		snprintf(buf, sizeof buf, "%s %s", sur[si][0], giv[gi][0]);
		client_set(&c, "name", buf, &e);
		snprintf(buf, sizeof buf, "%s %s", sur[si][1], giv[gi][1]);
		client_set(&c, "kana", buf, &e);
		/* One in six a child (障害児相談支援): only those under 18. */
		bool child = rnd(6) == 0;
		c.birth_on = child ? today - 365 * 6 - (date_t)rnd(365 * 12) :
				     today - 365 * 18 - (date_t)rnd(365 * 50);
		free(c.case_kind);
		c.case_kind = xstrdup(child ? "child" : "plan");
		snprintf(buf, sizeof buf, "%010ld", 1000000000L + i);
		client_set(&c, "recipient-no", buf, &e);
		if (store_client_add(d, &c, &e) != TSU_OK)
			die("client", &e);

		/* Anchors spread over a year so every week has monitorings. */
		date_t start = month_first_day(date_month(today) - 11 + (month_t)rnd(12));
		for (int k = 0; k < 2; k++) {
			certificate ce;
			record_init(&rt_certificate, &ce);
			ce.client_id = c.id;
			ce.valid_from = date_add_years(start, k - 1);
			ce.valid_to = date_add_years(ce.valid_from, 1) - 1;
			if (store_record_add(d, &rt_certificate, &ce, &e) != TSU_OK)
				die("certificate", &e);
			record_free(&rt_certificate, &ce);
		}
		consent co;
		record_init(&rt_consent, &co);
		co.client_id = c.id;
		SET(rt_consent, &co, "shared_with", "サービス提供事業所");
		co.valid_from = start;
		co.valid_to = date_add_years(start, 1) - 1;
		if (store_record_add(d, &rt_consent, &co, &e) != TSU_OK)
			die("consent", &e);
		record_free(&rt_consent, &co);

		static const int iv[] = { 6, 3, 1, 6, 3 };
		int months[2] = { 6, iv[rnd(5)] };
		date_t starts[2] = { date_add_years(start, -1), start };
		add_plan(d, c.id, starts[0], months[0], "final");
		add_plan(d, c.id, starts[1], months[1], "final");

		/* Monitorings: four from earlier years, then one in nearly
		 * every due month of the two plans (one in forty is missed, so
		 * the list has overdue items as a real office does). */
		for (int m = 0; m < 4; m++)
			add_monitoring(d, c.id, today - 5 * 365 + m * 300 + (date_t)rnd(20));
		for (int k = 0; k < 2; k++) {
			month_t anchor = date_month(starts[k]);
			month_t end = date_month(date_add_years(starts[k], 1) - 1);
			for (month_t mo = anchor + months[k] - 1; mo <= end && mo < date_month(today);
			     mo += months[k])
				if (rnd(40) != 0)
					add_monitoring(d, c.id, month_first_day(mo) + (date_t)rnd(25));
		}
		meeting mt;
		record_init(&rt_meeting, &mt);
		mt.client_id = c.id;
		mt.held_on = start - 5;
		if (store_record_add(d, &rt_meeting, &mt, &e) != TSU_OK)
			die("meeting", &e);
		action_item ai;
		record_init(&rt_action_item, &ai);
		ai.meeting_id = mt.id;
		SET(rt_action_item, &ai, "what", "手順表を作成する");
		/* Most past deadlines were met; some later ones already are. */
		ai.due_on = today - 30 + (date_t)rnd(90);
		if (ai.due_on < today ? rnd(20) != 0 : rnd(4) == 0)
			ai.done_on = ai.due_on;
		if (store_record_add(d, &rt_action_item, &ai, &e) != TSU_OK)
			die("action item", &e);
		record_free(&rt_action_item, &ai);
		record_free(&rt_meeting, &mt);

		for (long n = 0; n < notes_per; n++) {
			note no;
			record_init(&rt_note, &no);
			no.client_id = c.id;
			no.noted_on = today - (date_t)rnd(5 * 365);
			free(no.kind);
			no.kind = xstrdup("visit");
			no.minutes = 30;
			SET(rt_note, &no, "fact", "自宅訪問。作業所に週4日通えている。昼食もとれている。");
			SET(rt_note, &no, "interpretation", "生活リズムは安定している。");
			if (store_record_add(d, &rt_note, &no, &e) != TSU_OK)
				die("note", &e);
			record_free(&rt_note, &no);
		}
		client_free(&c);
		if ((i % 500 == 499 || i == clients - 1) && db_commit(d, &e) != TSU_OK)
			die("commit", &e);
	}
	s = db_prepare(d, "PRAGMA wal_checkpoint(TRUNCATE)");
	db_step(s);
	db_reset(s);
	s = db_prepare(d, "ANALYZE");
	db_step(s);
	db_reset(s);
	db_close(d);
	return 0;
}
