/*
 * cmd_demo.c - `tsunagi demo [--clients N]`: a realistic, deterministic
 * case load to try tsunagi on, written through the store's own code.
 * Dates are relative to "today", so there is always something due:
 * certificates about to end, a monitoring overdue, plans at each stage.
 * Here are the generated clients (names from the tables below, an
 * xorshift rng) and the picking of the billing month's clients; the
 * hand-written records (the provider register, client 1's complete
 * cycle, clients 2-5's monitoring-month cases, client 6 the child with
 * two services, the billing month) are data in data/demo/, made by the
 * seed loader (seed.h) at the hooks below: the section "client-N" after
 * client N (its set blocks change client N's generated client,
 * certificate and plan before they are stored), "first-adult",
 * "client-N/last-due-month" and "billing-month".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/billing_source.h"
#include "tsunagi/cli.h"
#include "tsunagi/i18n.h"
#include "tsunagi/phrases.h"
#include "tsunagi/records.h"
#include "tsunagi/seed.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_cycle.h"
#include "tsunagi/store_plan.h"
#include "tsunagi/xalloc.h"

struct rng { uint64_t s; };

static uint32_t rnd(struct rng *r, uint32_t n)
{
	/* xorshift64*: deterministic across machines. */
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return (uint32_t)((r->s * 2685821657736338717ULL) >> 33) % n;
}

static const char *const surnames[][2] = {
	{ "佐藤", "さとう" }, { "鈴木", "すずき" }, { "高橋", "たかはし" },
	{ "田中", "たなか" }, { "伊藤", "いとう" }, { "渡辺", "わたなべ" },
	{ "山本", "やまもと" }, { "中村", "なかむら" }, { "小林", "こばやし" },
	{ "加藤", "かとう" }, { "吉田", "よしだ" }, { "山田", "やまだ" },
	{ "佐々木", "ささき" }, { "山口", "やまぐち" }, { "松本", "まつもと" },
	{ "井上", "いのうえ" }, { "木村", "きむら" }, { "林", "はやし" },
	{ "斎藤", "さいとう" }, { "清水", "しみず" }, { "髙橋", "たかはし" },
	{ "山﨑", "やまさき" }, { "森", "もり" }, { "池田", "いけだ" },
	{ "橋本", "はしもと" }, { "阿部", "あべ" }, { "石川", "いしかわ" },
	{ "小川", "おがわ" }, { "岡田", "おかだ" }, { "長谷川", "はせがわ" },
};
static const char *const given[][2] = {
	{ "太郎", "たろう" }, { "花子", "はなこ" }, { "健一", "けんいち" },
	{ "美咲", "みさき" }, { "翔太", "しょうた" }, { "陽菜", "ひな" },
	{ "大輔", "だいすけ" }, { "由美", "ゆみ" }, { "誠", "まこと" },
	{ "恵子", "けいこ" }, { "蓮", "れん" }, { "さくら", "さくら" },
	{ "直樹", "なおき" }, { "明美", "あけみ" }, { "悠真", "ゆうま" },
	{ "結衣", "ゆい" }, { "正男", "まさお" }, { "和子", "かずこ" },
	{ "拓也", "たくや" }, { "愛", "あい" }, { "浩二", "こうじ" },
	{ "智子", "ともこ" }, { "颯太", "そうた" }, { "凛", "りん" },
};
static const char *const towns[] = { "横浜市", "川崎市", "相模原市", "藤沢市", "鎌倉市", "横須賀市" };
static const char *const disabilities[] = {
	"知的障害", "統合失調症", "自閉スペクトラム症", "脳性麻痺", "うつ病",
	"高次脳機能障害", "ダウン症", "双極性障害", "脊髄損傷", "発達障害",
};
/* Notes open with the built-in fixed phrases (phrases.h), as a worker's
 * would with F3 in the note form. */
static const char *const note_texts[][2] = {
	{ "作業所に週4日通えている。昼食もとれている。", "生活リズムは安定していると思われる。" },
	{ PHRASE_PHONE_MOTHER "最近夜眠れていないとのこと。", "服薬状況の確認が必要。主治医への情報提供を検討。" },
	{ PHRASE_VISIT "部屋は片付いており、本人は笑顔で迎えてくれた。", "居宅介護の利用が定着してきている。" },
	{ "グループホーム世話人と面談。金銭管理に課題あり。", "日常生活自立支援事業の利用を提案したい。" },
	{ PHRASE_ACCOMPANY_CLINIC "主治医より薬の調整の説明を受けた。", "副作用への不安が強く、丁寧な説明が必要。" },
	{ PHRASE_CONFERENCE PHRASE_CONFERENCE_SHARED, "短期目標は概ね達成、次期計画で見直し。" },
};
static const char *const note_kinds[] = { "visit", "phone", "meeting", "conference", "accompany" };

#define TRY(x) do { if ((rc = (x)) != TSU_OK) goto fail; } while (0)

/* The generated client of number i (from 0) with a certificate, a
 * consent, a plan, its monitorings and notes; what data/demo says of
 * client i + 1 ("client-N") goes in at its hooks. */
static int add_client(db *d, seed *sd, struct rng *r, int i, date_t today, bool *sl_given, tsu_err *e)
{
	client c;
	certificate ce;
	consent co;
	plan p;
	note n;
	char sec[32], missed[48];
	int si = (int)rnd(r, sizeof surnames / sizeof surnames[0]);
	int gi = (int)rnd(r, sizeof given / sizeof given[0]);
	int rc;

	snprintf(sec, sizeof sec, "client-%d", i + 1);
	snprintf(missed, sizeof missed, "client-%d/last-due-month", i + 1);
	client_init(&c);
	record_init(&rt_certificate, &ce);
	record_init(&rt_consent, &co);
	record_init(&rt_plan, &p);
	/* The client's fields by column, as the data sets them. */
	char *name = xasprintf("%s %s", surnames[si][0], given[gi][0]);
	char *kana = xasprintf("%s %s", surnames[si][1], given[gi][1]);
	/* One in six is a child (障害児相談支援). */
	int child = rnd(r, 6) == 0;
	date_t birth = child ? today - 365 * 6 - (date_t)rnd(r, 365 * 11) :
			       today - 365 * 19 - (date_t)rnd(r, 365 * 55);
	const char *kind = child ? "child" : (rnd(r, 12) == 0 ? "transition" : (rnd(r, 15) == 0 ? "retention" : "plan"));
	const char *sex = rnd(r, 2) ? "female" : "male";
	char *recipient = xasprintf("14%08d", 100000 + i * 37);
	const char *town = towns[rnd(r, sizeof towns / sizeof towns[0])];
	const char *disability = disabilities[rnd(r, sizeof disabilities / sizeof disabilities[0])];
	char *level = child ? xstrdup("") : xasprintf("%d", (int)rnd(r, 6) + 1);
	char born[DATE_ISO_LEN];
	date_format_iso(birth, born);
	const char *const cols[][2] = {
		{ "name", name }, { "kana", kana }, { "birth_on", born }, { "case_kind", kind }, { "sex", sex },
		{ "recipient_no", recipient }, { "municipality", town }, { "disability", disability },
		{ "support_level", level },
	};
	rc = TSU_OK;
	for (size_t k = 0; rc == TSU_OK && k < sizeof cols / sizeof cols[0]; k++)
		rc = seed_client_set(&c, cols[k][0], cols[k][1], e);
	free(name);
	free(kana);
	free(recipient);
	free(level);
	if (rc != TSU_OK)
		goto fail;
	/* After every draw, so that a client the data changes leaves the
	 * draws of the others as they were. */
	TRY(seed_set_client(sd, sec, &c, e));
	child = strcmp(c.case_kind, "child") == 0;
	TRY(store_client_add(d, &c, e));
	seed_bind_id(sd, "client", c.id);
	seed_bind_text(sd, "municipality", c.municipality);

	/* Certificates started at some point in the last year; about a
	 * quarter end within the next 90 days. */
	ce.client_id = c.id;
	free(ce.kind);
	ce.kind = xstrdup(child ? "day_service" : "service");
	ce.valid_from = today - (date_t)rnd(r, 365);
	ce.valid_to = date_add_years(ce.valid_from, 1) - 1;
	free(ce.number);
	ce.number = xstrdup(c.recipient_no);
	free(ce.municipality);
	ce.municipality = xstrdup(c.municipality);
	TRY(seed_set(sd, sec, &rt_certificate, &ce, e));
	TRY(store_record_add(d, &rt_certificate, &ce, e));
	if (!child && !*sl_given) {
		/* No random number is drawn for it, so the rest of the demo
		 * stays as it was. */
		TRY(seed_run(sd, d, "first-adult", e));
		*sl_given = true;
	}

	co.client_id = c.id;
	free(co.shared_with);
	co.shared_with = xstrdup("サービス提供事業所・医療機関");
	free(co.purpose);
	co.purpose = xstrdup("サービス等利用計画の作成とモニタリングのため");
	co.valid_from = ce.valid_from;
	co.valid_to = ce.valid_to;
	TRY(store_record_add(d, &rt_consent, &co, e));

	/* The plan: most are final; some are still drafts. */
	static const int intervals[] = { 6, 6, 6, 3, 3, 1 };
	p.client_id = c.id;
	p.period_from = month_first_day(date_month(ce.valid_from));
	p.period_to = ce.valid_to;
	p.monitoring_months = intervals[rnd(r, 6)];
	p.written_on = p.period_from;
	if (rnd(r, 5) != 0) {
		free(p.stage);
		p.stage = xstrdup("final");
		p.consented_on = p.period_from + 3;
	}
	free(p.policy);
	p.policy = xstrdup("本人の希望を大切にし、地域での安定した生活を支える。");
	TRY(seed_set(sd, sec, &rt_plan, &p, e));
	TRY(store_plan_add(d, &p, e));
	seed_bind_id(sd, "plan", p.id);

	/* Monitorings done in most past due months; some are missed so the
	 * alarm list has something overdue.  The data may say what was
	 * recorded instead for the last one (client-N/last-due-month). */
	due_plan dp = { p.id, c.id, DUE_STAGE_FINAL, p.period_from, p.period_to, p.anchor_month,
			p.monitoring_months, NULL, 0, 0, 0 };
	month_t last = -1;
	bool instead = seed_has(sd, missed);
	for (month_t m = p.anchor_month; m < date_month(today); m++)
		if (monitoring_is_due_month(&dp, m))
			last = m;
	for (month_t m = p.anchor_month; m < date_month(today); m++) {
		monitoring mo;
		if (!monitoring_is_due_month(&dp, m))
			continue;
		if (instead && m == last) {
			seed_bind_month(sd, "month", m);
			TRY(seed_run(sd, d, missed, e));
			continue;
		}
		if (rnd(r, 8) == 0)
			continue;
		record_init(&rt_monitoring, &mo);
		mo.client_id = c.id;
		mo.plan_id = p.id;
		mo.done_on = month_first_day(m) + (date_t)rnd(r, 25);
		if (mo.done_on > today)
			mo.done_on = today;
		free(mo.situation);
		mo.situation = xstrdup("サービスの利用は安定している。");
		rc = store_record_add(d, &rt_monitoring, &mo, e);
		record_free(&rt_monitoring, &mo);
		if (rc != TSU_OK)
			goto fail;
	}

	int notes = 2 + (int)rnd(r, 5);
	for (int k = 0; k < notes; k++) {
		int t = (int)rnd(r, sizeof note_texts / sizeof note_texts[0]);
		record_init(&rt_note, &n);
		n.client_id = c.id;
		n.noted_on = today - (date_t)rnd(r, 200);
		free(n.kind);
		n.kind = xstrdup(note_kinds[rnd(r, 5)]);
		n.minutes = 15 + 15 * (int)rnd(r, 6);
		free(n.fact);
		n.fact = xstrdup(note_texts[t][0]);
		free(n.interpretation);
		n.interpretation = xstrdup(note_texts[t][1]);
		rc = store_record_add(d, &rt_note, &n, e);
		/* Written 0 to 4 days after the day, one in five late by
		 * the default 3 days (the record-delay figure). */
		if (rc == TSU_OK)
			rc = store_note_set_written(d, n.id, n.noted_on + k % 5, e);
		record_free(&rt_note, &n);
		if (rc != TSU_OK)
			goto fail;
	}
	if (i > 0 && rnd(r, 20) == 0)
		TRY(store_client_close(d, c.id, today - (date_t)rnd(r, 60), e));
	/* What the data adds after the client: its own surname, and its
	 * recipient number under the 障害福祉サービス prefix 15 for a
	 * second certificate. */
	char *service_no = xasprintf("15%s", c.recipient_no + 2);
	seed_bind_text(sd, "surname", surnames[si][0]);
	seed_bind_text(sd, "service_no", service_no);
	free(service_no);
	rc = seed_run(sd, d, sec, e);
	goto out;
fail:
	rc = e->code ? e->code : TSU_EFAIL;
out:
	client_free(&c);
	record_free(&rt_certificate, &ce);
	record_free(&rt_consent, &co);
	record_free(&rt_plan, &p);
	return rc;
}

/* ---- the billing month (issue 14) ----
 * Last month's billing worksheet shows every kind of row
 * (data/demo/billing.txt says which).  The clients are picked from the
 * month's own billable items, so the choice follows the demo. */

/* A client with a final plan in force whose month m is not a monitoring
 * month and who has nothing in m yet; 0 when none. */
static int64_t not_due_client(db *d, const bill_source *src, month_t m, int n, int64_t *plan_id)
{
	for (int64_t id = 1; id <= n; id++) {
		plan p;
		tsu_err e;
		bool busy = false;

		for (size_t k = 0; k < src->in.nclients; k++)
			busy |= src->in.clients[k].id == id;
		if (busy)
			continue;
		/* store_plan_in_force fills p (initialised) whatever it returns. */
		if (store_plan_in_force(d, id, &p, &e) == TSU_OK && strcmp(p.stage, "final") == 0) {
			due_plan dp = { p.id, id, DUE_STAGE_FINAL, p.period_from, p.period_to, p.anchor_month,
					p.monitoring_months, NULL, 0, 0, 0 };
			if (m >= dp.anchor && month_first_day(m) >= p.period_from
			    && month_last_day(m) <= p.period_to && !monitoring_is_due_month(&dp, m)) {
				*plan_id = p.id;
				record_free(&rt_plan, &p);
				return id;
			}
		}
		record_free(&rt_plan, &p);
	}
	return 0;
}

#define BTRY(x) do { if ((rc = (x)) != TSU_OK) return rc; } while (0)

static int add_billing_month(db *d, seed *sd, date_t today, int n, tsu_err *e)
{
	static const char *const who[3] = { "first", "second", "third" };
	month_t m = date_month(today) - 1;
	int64_t mon_client[3] = { 0 }, mon_plan[3] = { 0 }, other, other_plan = 0;
	date_t mon_day[3] = { 0 };
	size_t k = 0;
	bill_source src;
	bill_result r;
	int rc;

	BTRY(bill_source_load(d, m, 0, 10, &src, e));
	bill_compute(&src.in, &r);
	for (size_t i = 0; i < r.nbase && k < 3; i++)
		if (r.rows[i].ref == BILL_REF_MONITORING && !r.rows[i].client->child) {
			for (size_t j = 0; j < src.in.nmons; j++)
				if (src.in.mons[j].id == r.rows[i].ref_id)
					mon_plan[k] = src.in.mons[j].plan_id;
			mon_client[k] = r.rows[i].client->id;
			mon_day[k++] = r.rows[i].on;
		}
	other = not_due_client(d, &src, m, n, &other_plan);
	bill_result_free(&r);
	bill_source_free(&src);
	if (k < 3 || !other)
		return TSU_OK;          /* a small demo: no billing month */
	for (k = 0; k < 3; k++) {
		char name[32];
		seed_bind_id(sd, who[k], mon_client[k]);
		snprintf(name, sizeof name, "%s_plan", who[k]);
		seed_bind_id(sd, name, mon_plan[k]);
		snprintf(name, sizeof name, "%s_day", who[k]);
		seed_bind_date(sd, name, mon_day[k]);
	}
	seed_bind_id(sd, "other", other);
	seed_bind_id(sd, "other_plan", other_plan);
	return seed_run(sd, d, "billing-month", e);
}

int cmd_demo(cli_ctx *ctx, int argc, char **argv)
{
	static const char *const valued[] = { "clients", NULL };
	struct rng r = { 0x7453756e616769ULL };   /* "tsunagi" */
	cli_args a;
	long n = 40;
	char *end;
	tsu_err e;
	db *d;
	seed *sd;
	int rc = EXIT_OK;

	if (cli_parse("demo", argc - 1, argv + 1, valued, NULL, &a) != EXIT_OK)
		return EXIT_USAGE;
	if (a.help) {
		fputs(_("Usage: tsunagi demo [--clients N]\n"
			"Fills an empty database with N (default 40, at most 100000) demo clients.\n"), stdout);
		cli_args_free(&a);
		return EXIT_OK;
	}
	if (cli_has(&a, "clients")) {
		n = strtol(cli_get(&a, "clients"), &end, 10);
		if (*end || n < 1 || n > 100000) {
			cli_args_free(&a);
			return cli_usage("demo", _("--clients must be a number from 1 to 100000"));
		}
	}
	if (a.npos) {
		rc = cli_usage("demo", _("unexpected '%s'"), a.pos[0]);
		cli_args_free(&a);
		return rc;
	}
	cli_args_free(&a);
	if (!(d = cli_db(ctx)))
		return EXIT_FAIL;
	client_filter all = { .include_closed = true };
	int64_t have = store_client_count(d, &all);
	if (have > 0)
		return cli_fail(EXIT_FAIL, ngettext("%s already has %lld client; the demo only fills an empty database (give --db demo.db)",
						    "%s already has %lld clients; the demo only fills an empty database (give --db demo.db)",
						    (unsigned long)have),
				ctx->db_path, (long long)have);
	/* The hand-written records (data/demo, compiled in). */
	if (seed_load(&sd, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	seed_bind_date(sd, "today", ctx->today);
	/* One transaction: all of the demo or none of it. */
	if (db_begin(d, &e) != TSU_OK) {
		seed_free(sd);
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	}
	err_clear(&e);
	bool sl_given = false;
	int src = seed_run(sd, d, "providers", &e);
	for (long i = 0; src == TSU_OK && i < n; i++)
		src = add_client(d, sd, &r, (int)i, ctx->today, &sl_given, &e);
	if (src == TSU_OK)
		src = add_billing_month(d, sd, ctx->today, (int)n, &e);
	seed_free(sd);
	if (src != TSU_OK) {
		db_rollback(d);
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	}
	if (db_commit(d, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	ctx->committed = true;
	cli_message(ngettext("made a demo case load of %ld client in %s",
			     "made a demo case load of %ld clients in %s", (unsigned long)n),
		    n, ctx->db_path);
	return rc;
}
