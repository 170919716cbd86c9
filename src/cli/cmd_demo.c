/*
 * cmd_demo.c - `tsunagi demo [--clients N]`: a realistic, deterministic
 * case load to try tsunagi on, written through the store's own code.
 * Dates are relative to "today", so there is always something due:
 * certificates about to end (a support-level decision 80 days ahead), a
 * monitoring overdue, plans at each stage.
 * Client 1 has a complete cycle (intake, assessment, plan with rows and a
 * weekly schedule, meeting, monitoring, and a second version of the plan
 * after the monitoring) so every printout can be tried.
 * Issue 13's monitoring months: client 2 is seen every 4 months, client
 * 3's decision period is ten months at three-monthly monitoring (the
 * end-month rule), client 4's last monitoring month is recorded as not
 * done (in hospital), client 5's plan ends before her certificate.
 * Client 6 is a child using both a children's day service and a welfare
 * service.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/billing_source.h"
#include "tsunagi/cli.h"
#include "tsunagi/i18n.h"
#include "tsunagi/phrases.h"
#include "tsunagi/records.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_cycle.h"
#include "tsunagi/store_plan.h"
#include "tsunagi/store_provider.h"
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

/* The office's provider register (事業所), which the demo plans' rows
 * link to; the phone numbers are of the 045-000-xxxx kind no one has. */
static const struct { const char *name, *kinds, *person, *phone, *address; } demo_providers[] = {
	{ "ヘルパーステーションつなぎ", "居宅介護・重度訪問介護", "佐藤", "045-000-0001", "横浜市中区1-1" },
	{ "工房あおば", "就労継続支援B型", "鈴木", "045-000-0002", "横浜市南区2-2" },
	{ "放課後等デイサービスひまわり", "放課後等デイサービス", "高橋", "045-000-0003", "横浜市港南区3-3" },
	{ "ショートステイあおぞら", "短期入所", "中村", "045-000-0004", "横浜市磯子区4-4" },
};

static int add_providers(db *d, tsu_err *e)
{
	service_provider p;
	int rc = TSU_OK;

	for (size_t i = 0; rc == TSU_OK && i < sizeof demo_providers / sizeof demo_providers[0]; i++) {
		record_init(&rt_service_provider, &p);
		free(p.name);
		p.name = xstrdup(demo_providers[i].name);
		free(p.service_kinds);
		p.service_kinds = xstrdup(demo_providers[i].kinds);
		free(p.contact_person);
		p.contact_person = xstrdup(demo_providers[i].person);
		free(p.phone);
		p.phone = xstrdup(demo_providers[i].phone);
		free(p.address);
		p.address = xstrdup(demo_providers[i].address);
		rc = store_record_add(d, &rt_service_provider, &p, e);
		record_free(&rt_service_provider, &p);
	}
	return rc;
}

/* The register's provider of that name (the latest), 0 if none. */
static int64_t provider_named(db *d, const char *name)
{
	db_stmt *s;

	if (!name)
		return 0;
	s = db_prepare(d, "SELECT id FROM service_provider WHERE name = :name ORDER BY id DESC LIMIT 1");
	db_bind_text(s, ":name", name);
	return db_int64_or(s, 0);
}

/* The monitoring found the housework goal half met: the plan was
 * changed (変更) to three visits a week, a new version drafted after
 * the monitoring and consented a week later.  The first version stays
 * on record, superseded, so the card shows a revision history. */
static int add_revision(db *d, int64_t plan_id, date_t monitored, tsu_err *e)
{
	plan_row *rows = NULL;
	size_t n = 0;
	int64_t nid = 0;
	int rc;

	if ((rc = store_plan_revise(d, plan_id, monitored + 3, &nid, e)) != TSU_OK ||
	    (rc = store_record_list(d, &rt_plan_row, nid, (void **)&rows, &n, e)) != TSU_OK)
		return rc;
	if (n > 0) {
		free(rows[0].goal);
		rows[0].goal = xstrdup("手順表を使って週3回掃除をする");
		free(rows[0].service_amount);
		rows[0].service_amount = xstrdup("週3回・各1時間");
		rc = store_record_update(d, &rt_plan_row, &rows[0], e);
	}
	record_free_list(&rt_plan_row, rows, n);
	if (rc == TSU_OK)
		rc = store_plan_finalise(d, nid, monitored + 10, e);
	return rc;
}

static int add_full_cycle(db *d, int64_t cid, date_t today, tsu_err *e)
{
	intake in;
	assessment as;
	assessment_item it;
	plan p;
	plan_row pr;
	weekly_slot ws;
	meeting mt;
	action_item ai;
	int rc = TSU_EFAIL;
	int64_t need_item = 0, row_ids[3] = { 0 };
	non_weekly nw;
	monitoring mo;
	monitoring_row mr;
	note nt;

	record_init(&rt_intake, &in);
	record_init(&rt_assessment, &as);
	record_init(&rt_plan, &p);
	in.client_id = cid;
	in.intake_on = date_add_months(today, -7);
	free(in.referral_route);
	in.referral_route = xstrdup("市役所障害福祉課より紹介");
	free(in.complaint);
	in.complaint = xstrdup("一人暮らしを続けたい。でも買い物や掃除が大変になってきた。");
	free(in.client_wishes);
	in.client_wishes = xstrdup("今のアパートで暮らし続けたい");
	in.urgency = 2;
	in.consent_taken = true;
	TRY(store_record_add(d, &rt_intake, &in, e));

	as.client_id = cid;
	as.assessed_on = date_add_months(today, -6);
	free(as.health);
	as.health = xstrdup("統合失調症。服薬で症状は安定。月2回通院。");
	free(as.client_wishes);
	as.client_wishes = xstrdup("自分のペースで働きたい。友達がほしい。");
	free(as.family_wishes);
	as.family_wishes = xstrdup("母：無理をせず、安定して暮らしてほしい。");
	TRY(store_record_add(d, &rt_assessment, &as, e));

	static const struct { const char *comp, *code, *fact, *interp; int q, strength, need; } items[] = {
		{ "b", "b134", "夜中に目が覚めることが週に2〜3回ある。", "服薬時間の影響が考えられる。", 1, 0, 1 },
		{ "d", "d640", "掃除や洗濯は声かけがあればできる。", "手順を示せば自分でできる力がある。", 2, 1, 1 },
		{ "d", "d850", "就労継続支援B型に週4日通所。", "働く意欲が高い。", 1, 1, 0 },
		{ "e", "e310", "母が週1回訪問し、買い物を手伝っている。", "母の高齢化で支援の継続が課題。", 2, 0, 1 },
		{ "personal", "", "絵を描くことが好き。", "余暇活動の手がかりになる。", -1, 1, 0 },
	};
	for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
		record_init(&rt_assessment_item, &it);
		it.assessment_id = as.id;
		it.position = (int)i;
		free(it.component);
		it.component = xstrdup(items[i].comp);
		free(it.icf_code);
		it.icf_code = xstrdup(items[i].code);
		it.qualifier = items[i].q < 0 ? FIELD_INT_NULL : items[i].q;
		free(it.fact);
		it.fact = xstrdup(items[i].fact);
		free(it.interpretation);
		it.interpretation = xstrdup(items[i].interp);
		it.strength = items[i].strength;
		it.need = items[i].need;
		rc = store_record_add(d, &rt_assessment_item, &it, e);
		if (it.need && !need_item)
			need_item = it.id;
		record_free(&rt_assessment_item, &it);
		if (rc != TSU_OK)
			goto fail;
	}

	p.client_id = cid;
	p.period_from = month_first_day(date_month(today) - 5);
	p.period_to = date_add_years(p.period_from, 1) - 1;
	p.written_on = p.period_from - 10;
	p.delivered_on = p.period_from - 3;
	p.monitoring_months = 3;
	free(p.wishes);
	p.wishes = xstrdup("本人：今のアパートで、自分のペースで働きながら暮らしたい。母：安定して暮らしてほしい。");
	free(p.policy);
	p.policy = xstrdup("本人の力を活かしながら、家事支援と日中活動で地域での一人暮らしを支える。");
	free(p.long_goal);
	p.long_goal = xstrdup("一人暮らしを続け、働く日を増やす。");
	free(p.short_goal);
	p.short_goal = xstrdup("生活リズムを整え、家事を手順表で自分で行う。");
	free(p.daily_activities);
	p.daily_activities = xstrdup("7:00 起床・服薬\n9:30 作業所へ（バス）\n16:00 帰宅・買い物\n22:30 服薬・就寝");
	free(p.overall_picture);
	p.overall_picture = xstrdup("家事の手順が身につき、週4日働きながら、今のアパートで安心して暮らしている。");
	TRY(store_plan_add(d, &p, e));

	/* Drafted first, then made final: a consented plan is read-only. */
	/* Two rows link to the register; the third names, as free text, a
	 * provider that is not in it. */
	static const struct { const char *need, *goal, *kind, *amount, *provider, *reg; } rows[] = {
		{ "掃除や洗濯を自分でできるようになりたい", "手順表を使って週2回掃除をする", "居宅介護（家事援助）", "週2回・各1時間",
		  "", "ヘルパーステーションつなぎ" },
		{ "働く日を増やしたい", "体調を崩さず週4日通所を続ける", "就労継続支援B型", "週4日・10:00〜15:00",
		  "", "工房あおば" },
		{ "夜よく眠りたい", "主治医と相談し睡眠のリズムを整える", "計画相談支援（通院同行）", "月1回",
		  "相談支援事業所（担当 相談支援専門員）", NULL },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		record_init(&rt_plan_row, &pr);
		pr.plan_id = p.id;
		pr.priority = (int)i + 1;
		free(pr.need);
		pr.need = xstrdup(rows[i].need);
		free(pr.goal);
		pr.goal = xstrdup(rows[i].goal);
		free(pr.service_kind);
		pr.service_kind = xstrdup(rows[i].kind);
		free(pr.service_amount);
		pr.service_amount = xstrdup(rows[i].amount);
		free(pr.provider);
		pr.provider = xstrdup(rows[i].provider);
		pr.provider_id = provider_named(d, rows[i].reg);
		pr.target_on = p.period_from + 180;
		pr.review_on = date_add_months(p.period_from, 6) - 1;
		pr.assessment_item_id = i == 0 ? need_item : 0;
		rc = store_record_add(d, &rt_plan_row, &pr, e);
		row_ids[i] = pr.id;
		record_free(&rt_plan_row, &pr);
		if (rc != TSU_OK)
			goto fail;
	}
	for (int wd = 0; wd < 5; wd++) {
		if (wd == 2)
			continue;
		record_init(&rt_weekly_slot, &ws);
		ws.plan_id = p.id;
		ws.weekday = wd;
		ws.start_min = 10 * 60;
		ws.end_min = 15 * 60;
		free(ws.activity);
		ws.activity = xstrdup("就労継続支援B型");
		rc = store_record_add(d, &rt_weekly_slot, &ws, e);
		record_free(&rt_weekly_slot, &ws);
		if (rc != TSU_OK)
			goto fail;
	}

	record_init(&rt_non_weekly, &nw);
	nw.plan_id = p.id;
	free(nw.service);
	nw.service = xstrdup("通院（精神科）");
	free(nw.detail);
	nw.detail = xstrdup("月2回、母が同行。月1回は相談支援専門員が同行。");
	rc = store_record_add(d, &rt_non_weekly, &nw, e);
	record_free(&rt_non_weekly, &nw);
	if (rc != TSU_OK)
		goto fail;
	TRY(store_plan_finalise(d, p.id, p.period_from - 3, e));

	/* The monitoring of the plan's third month, with a GAS score per goal,
	 * and a visit note since: material for the prep sheet and the trend. */
	record_init(&rt_monitoring, &mo);
	mo.client_id = cid;
	mo.plan_id = p.id;
	mo.done_on = month_first_day(date_month(p.period_from) + 3) + 9;
	free(mo.situation);
	mo.situation = xstrdup("家事援助の日は部屋が片付いている。作業所は週4日通えているが、夜中に目が覚める日が続いている。");
	rc = store_record_add(d, &rt_monitoring, &mo, e);
	record_free(&rt_monitoring, &mo);
	if (rc != TSU_OK)
		goto fail;
	static const struct { const char *delivery, *view, *attain, *next; int gas; bool weekly; } mrows[] = {
		{ "週2回訪問。手順表を一緒に確認している（事業所より）。", "「掃除は前より楽になった」", "一部達成", "手順表を見て一人で掃除する日を作る。", 1, false },
		{ "週4日通所。欠席なし（事業所より）。", "「仕事は楽しい」", "達成", "通所を続け、5日目を検討する。", 0, true },
		{ "通院同行1回。", "「よく眠れない日がある」", "未達成", "主治医に睡眠の状況を伝え、服薬時間を相談する。", -1, false },
	};
	for (size_t i = 0; i < 3; i++) {
		record_init(&rt_monitoring_row, &mr);
		mr.monitoring_id = mo.id;
		mr.plan_row_id = row_ids[i];
		free(mr.delivery);
		mr.delivery = xstrdup(mrows[i].delivery);
		free(mr.satisfaction);
		mr.satisfaction = xstrdup(mrows[i].view);
		free(mr.attainment);
		mr.attainment = xstrdup(mrows[i].attain);
		free(mr.next_steps);
		mr.next_steps = xstrdup(mrows[i].next);
		mr.gas = mrows[i].gas;
		mr.change_weekly = mrows[i].weekly;
		rc = store_record_add(d, &rt_monitoring_row, &mr, e);
		record_free(&rt_monitoring_row, &mr);
		if (rc != TSU_OK)
			goto fail;
	}
	TRY(add_revision(d, p.id, mo.done_on, e));
	record_init(&rt_note, &nt);
	nt.client_id = cid;
	nt.noted_on = today - 3;
	free(nt.noted_at);
	nt.noted_at = xstrdup("14:00");
	free(nt.kind);
	nt.kind = xstrdup("visit");
	nt.minutes = 45;
	free(nt.fact);
	nt.fact = xstrdup(PHRASE_VISIT "寝つきが悪く、朝の服薬を忘れる日が週1回ある。");
	free(nt.interpretation);
	nt.interpretation = xstrdup("睡眠の乱れが日中の活動に響き始めている。");
	free(nt.next_step);
	nt.next_step = xstrdup("次の会議で服薬支援（声かけ）を検討する。");
	rc = store_record_add(d, &rt_note, &nt, e);
	record_free(&rt_note, &nt);
	if (rc != TSU_OK)
		goto fail;

	record_init(&rt_meeting, &mt);
	mt.client_id = cid;
	mt.plan_id = p.id;
	mt.held_on = p.period_from - 5;
	free(mt.attendees);
	mt.attendees = xstrdup("本人、母、居宅介護事業所、就労継続支援B型事業所、相談支援専門員");
	free(mt.agreed);
	mt.agreed = xstrdup("家事援助を週2回に増やす。手順表は事業所で作成する。");
	rc = store_record_add(d, &rt_meeting, &mt, e);
	record_free(&rt_meeting, &mt);
	if (rc != TSU_OK)
		goto fail;
	record_init(&rt_action_item, &ai);
	ai.meeting_id = mt.id;
	free(ai.what);
	ai.what = xstrdup("家事の手順表を作成する");
	free(ai.owner);
	ai.owner = xstrdup("居宅介護事業所");
	ai.due_on = today + 5;
	rc = store_record_add(d, &rt_action_item, &ai, e);
	record_free(&rt_action_item, &ai);
fail:	/* and the normal way out */
	record_free(&rt_intake, &in);
	record_free(&rt_assessment, &as);
	record_free(&rt_plan, &p);
	return rc;
}

/* The first adult's support-level decision (障害支援区分) ends 80 days
 * from today: inside its 90-day lead time, so the alarm list shows it
 * under "coming up".  Valid three years, the usual longest term (原則3年,
 * 3 months to 3 years: https://shogai-home.com/?p=2253, a secondary
 * source citing the ministry; the ministry's own text was not checked).
 * No random number is drawn for it, so the rest of the demo stays as it
 * was. */
static int add_support_level(db *d, const client *c, date_t today, tsu_err *e)
{
	certificate sl;
	int rc;

	record_init(&rt_certificate, &sl);
	sl.client_id = c->id;
	free(sl.kind);
	sl.kind = xstrdup("support_level");
	sl.valid_to = today + 80;
	sl.valid_from = date_add_years(sl.valid_to + 1, -3);
	free(sl.municipality);
	sl.municipality = xstrdup(c->municipality);
	rc = store_record_add(d, &rt_certificate, &sl, e);
	record_free(&rt_certificate, &sl);
	return rc;
}

/* Client 6 is a child using both kinds of service: 放課後等デイサービス
 * (障害児通所支援, on the 通所受給者証) and 短期入所 (障害福祉サービス,
 * on its own certificate), so the plan prints as サービス等利用計画・障害児
 * 支援利用計画 with both numbers and the mother as 保護者. */
static int add_child_services(db *d, const client *c, const char *surname, date_t today, tsu_err *e)
{
	static const struct { const char *need, *goal, *kind, *amount, *reg; } rows[] = {
		{ "友達と遊びたい", "放課後に友達と過ごす時間を週3日もつ", "放課後等デイサービス", "週3日・放課後",
		  "放課後等デイサービスひまわり" },
		{ "母が休める日がほしい（母）", "月2回の短期入所で母の休息をとる", "短期入所", "月2日",
		  "ショートステイあおぞら" },
	};
	contact g;
	certificate ce;
	plan p;
	plan_row pr;
	int rc;

	record_init(&rt_contact, &g);
	g.client_id = c->id;
	free(g.role);
	g.role = xstrdup("family");
	free(g.name);
	g.name = xasprintf("%s 恵子", surname);
	free(g.relation);
	g.relation = xstrdup("母");
	rc = store_record_add(d, &rt_contact, &g, e);
	record_free(&rt_contact, &g);
	if (rc != TSU_OK)
		return rc;
	record_init(&rt_certificate, &ce);
	ce.client_id = c->id;
	free(ce.kind);
	ce.kind = xstrdup("service");
	free(ce.number);
	ce.number = xasprintf("15%s", c->recipient_no + 2);
	ce.valid_from = month_first_day(date_month(today) - 1);
	ce.valid_to = date_add_years(ce.valid_from, 1) - 1;
	rc = store_record_add(d, &rt_certificate, &ce, e);
	record_init(&rt_plan, &p);
	p.client_id = c->id;
	p.period_from = ce.valid_from;
	p.period_to = ce.valid_to;
	p.written_on = p.period_from - 10;
	p.monitoring_months = 3;
	free(p.wishes);
	p.wishes = xstrdup("本人：友達と遊びたい。母：ときどき休める日がほしい。");
	free(p.policy);
	p.policy = xstrdup("放課後の居場所と家族の休息を確保し、家庭での安定した生活を支える。");
	free(p.long_goal);
	p.long_goal = xstrdup("地域の中で友達と過ごしながら、家族と安心して暮らす。");
	free(p.short_goal);
	p.short_goal = xstrdup("放課後等デイサービスに週3日通い、母は月2回休息をとる。");
	record_free(&rt_certificate, &ce);
	if (rc == TSU_OK)
		rc = store_plan_add(d, &p, e);
	for (size_t i = 0; rc == TSU_OK && i < sizeof rows / sizeof rows[0]; i++) {
		record_init(&rt_plan_row, &pr);
		pr.plan_id = p.id;
		pr.priority = (int)i + 1;
		free(pr.need);
		pr.need = xstrdup(rows[i].need);
		free(pr.goal);
		pr.goal = xstrdup(rows[i].goal);
		free(pr.service_kind);
		pr.service_kind = xstrdup(rows[i].kind);
		free(pr.service_amount);
		pr.service_amount = xstrdup(rows[i].amount);
		pr.provider_id = provider_named(d, rows[i].reg);
		rc = store_record_add(d, &rt_plan_row, &pr, e);
		record_free(&rt_plan_row, &pr);
	}
	if (rc == TSU_OK)
		rc = store_plan_finalise(d, p.id, p.period_from - 3, e);
	record_free(&rt_plan, &p);
	return rc;
}

static int add_client(db *d, struct rng *r, int i, date_t today, bool *sl_given, tsu_err *e)
{
	client c;
	certificate ce;
	consent co;
	plan p;
	note n;
	int si = (int)rnd(r, sizeof surnames / sizeof surnames[0]);
	int gi = (int)rnd(r, sizeof given / sizeof given[0]);
	int rc;

	client_init(&c);
	record_init(&rt_certificate, &ce);
	record_init(&rt_consent, &co);
	record_init(&rt_plan, &p);
	free(c.name);
	c.name = xasprintf("%s %s", surnames[si][0], given[gi][0]);
	free(c.kana);
	c.kana = xasprintf("%s %s", surnames[si][1], given[gi][1]);
	/* One in six is a child (障害児相談支援). */
	int child = rnd(r, 6) == 0;
	c.birth_on = child ? today - 365 * 6 - (date_t)rnd(r, 365 * 11) :
			     today - 365 * 19 - (date_t)rnd(r, 365 * 55);
	free(c.case_kind);
	c.case_kind = xstrdup(child ? "child" : (rnd(r, 12) == 0 ? "transition" : (rnd(r, 15) == 0 ? "retention" : "plan")));
	free(c.sex);
	c.sex = xstrdup(rnd(r, 2) ? "female" : "male");
	free(c.recipient_no);
	c.recipient_no = xasprintf("14%08d", 100000 + i * 37);
	free(c.municipality);
	c.municipality = xstrdup(towns[rnd(r, sizeof towns / sizeof towns[0])]);
	free(c.disability);
	c.disability = xstrdup(disabilities[rnd(r, sizeof disabilities / sizeof disabilities[0])]);
	c.support_level = child ? -1 : (int)rnd(r, 6) + 1;
	if (i == 5) {
		/* The child of add_child_services; the random draws above
		 * stay as they were, so every other demo client does too. */
		child = 1;
		free(c.case_kind);
		c.case_kind = xstrdup("child");
		c.birth_on = today - 365 * 10 - 100;
		c.support_level = -1;
	}
	TRY(store_client_add(d, &c, e));

	/* Certificates started at some point in the last year; about a
	 * quarter end within the next 90 days. */
	ce.client_id = c.id;
	free(ce.kind);
	ce.kind = xstrdup(child ? "day_service" : "service");
	ce.valid_from = today - (date_t)rnd(r, 365);
	ce.valid_to = date_add_years(ce.valid_from, 1) - 1;
	/* Client 3: a ten-month decision period, no whole number of its
	 * three-month intervals (the end-month rule counts back from it). */
	if (i == 2)
		ce.valid_to = month_last_day(date_month(ce.valid_from) + 9);
	/* Client 4 started seven months ago, seen monthly. */
	if (i == 3) {
		ce.valid_from = today - 200;
		ce.valid_to = date_add_years(ce.valid_from, 1) - 1;
	}
	free(ce.number);
	ce.number = xstrdup(c.recipient_no);
	free(ce.municipality);
	ce.municipality = xstrdup(c.municipality);
	TRY(store_record_add(d, &rt_certificate, &ce, e));
	if (!child && !*sl_given) {
		TRY(add_support_level(d, &c, today, e));
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
	/* Client 2 is seen every 4 months, client 3 every 3. */
	if (i == 1)
		p.monitoring_months = 4;
	else if (i == 2)
		p.monitoring_months = 3;
	else if (i == 3)
		p.monitoring_months = 1;
	/* Client 5's plan ends a month before her certificate: paperwork to
	 * put right (a mismatch item on the alarm list). */
	if (i == 4)
		p.period_to = ce.valid_to - 31;
	p.written_on = p.period_from;
	if (rnd(r, 5) != 0) {
		free(p.stage);
		p.stage = xstrdup("final");
		p.consented_on = p.period_from + 3;
	}
	free(p.policy);
	p.policy = xstrdup("本人の希望を大切にし、地域での安定した生活を支える。");
	TRY(store_plan_add(d, &p, e));

	/* Monitorings done in most past due months; some are missed so the
	 * alarm list has something overdue.  Client 4's last one could not
	 * be done: she was in hospital. */
	due_plan dp = { p.id, c.id, DUE_STAGE_FINAL, p.period_from, p.period_to, p.anchor_month,
			p.monitoring_months, NULL, 0, 0, 0 };
	month_t last = -1;
	for (month_t m = p.anchor_month; m < date_month(today); m++)
		if (monitoring_is_due_month(&dp, m))
			last = m;
	for (month_t m = p.anchor_month; m < date_month(today); m++) {
		monitoring mo;
		if (!monitoring_is_due_month(&dp, m))
			continue;
		if (i == 3 && m == last) {
			monitoring_skip k;
			record_init(&rt_monitoring_skip, &k);
			k.client_id = c.id;
			k.plan_id = p.id;
			k.month = m;
			free(k.reason);
			k.reason = xstrdup("hospital");
			free(k.detail);
			k.detail = xstrdup("肺炎で入院中。退院後に訪問する。");
			rc = store_record_add(d, &rt_monitoring_skip, &k, e);
			record_free(&rt_monitoring_skip, &k);
			if (rc != TSU_OK)
				goto fail;
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
	rc = i == 0 ? add_full_cycle(d, c.id, today, e) :
	     i == 5 ? add_child_services(d, &c, surnames[si][0], today, e) : TSU_OK;
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
 * Last month's billing worksheet shows every kind of row: on top of the
 * plans and monitorings the case load already has there, a meeting in a
 * monitoring month, a visit to a provider, an admission, a discharge and
 * a care manager's call in the notes, a monitoring twice in a month (the
 * earlier one without its report), a client without a recipient number,
 * a monitoring in a month that is not due, and two meetings asked for
 * outside the monitoring months.  The clients are picked
 * from the month's own billable items, so the choice follows the demo. */

static int add_demo_note(db *d, int64_t cid, date_t on, const char *kind, const char *whom,
			 const char *fact, tsu_err *e)
{
	note n;
	int rc;

	record_init(&rt_note, &n);
	n.client_id = cid;
	n.noted_on = on;
	free(n.kind);
	n.kind = xstrdup(kind);
	n.minutes = 30;
	free(n.with_whom);
	n.with_whom = xstrdup(whom);
	free(n.fact);
	n.fact = xstrdup(fact);
	rc = store_record_add(d, &rt_note, &n, e);
	record_free(&rt_note, &n);
	return rc;
}

static int add_demo_monitoring(db *d, int64_t cid, int64_t plan_id, date_t on, const char *situation,
			       tsu_err *e)
{
	monitoring mo;
	int rc;

	record_init(&rt_monitoring, &mo);
	mo.client_id = cid;
	mo.plan_id = plan_id;
	mo.done_on = on;
	free(mo.situation);
	mo.situation = xstrdup(situation);
	rc = store_record_add(d, &rt_monitoring, &mo, e);
	record_free(&rt_monitoring, &mo);
	return rc;
}

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

static int add_billing_month(db *d, date_t today, int n, tsu_err *e)
{
	month_t m = date_month(today) - 1;
	date_t day1 = month_first_day(m);
	int64_t mon_client[3] = { 0 }, mon_plan[3] = { 0 }, other, other_plan = 0;
	date_t mon_day[3] = { 0 };
	size_t k = 0;
	bill_source src;
	bill_result r;
	client c;
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

	/* The first: a care-team meeting on the monitoring's day, and a visit
	 * to her day service while it serves. */
	meeting mt;
	record_init(&rt_meeting, &mt);
	mt.client_id = mon_client[0];
	mt.plan_id = mon_plan[0];
	mt.held_on = mon_day[0];
	free(mt.place);
	mt.place = xstrdup("ご自宅");
	free(mt.agenda);
	mt.agenda = xstrdup("モニタリング結果の共有と支援の見直し");
	rc = store_record_add(d, &rt_meeting, &mt, e);
	record_free(&rt_meeting, &mt);
	if (rc != TSU_OK)
		return rc;
	BTRY(add_demo_note(d, mon_client[0], mon_day[0], "visit", "生活介護事業所 ひかり",
			  "サービス提供中の様子を確認した。作業に集中して取り組んでいる。", e));
	/* The second: a monitoring earlier in the month with no report yet,
	 * then the one already there - the same event counted twice. */
	BTRY(add_demo_monitoring(d, mon_client[1], mon_plan[1], day1, "", e));
	/* The third: admitted, then a discharge conference, and the care
	 * manager who will take over the home help; no recipient number. */
	BTRY(add_demo_note(d, mon_client[2], day1 + 2, "visit", "市民病院 地域連携室",
			  "入院に当たり、病院の看護師に生活状況と服薬を伝えた。", e));
	BTRY(add_demo_note(d, mon_client[2], day1 + 20, "conference", "市民病院 地域連携室",
			  "退院前カンファレンスに参加し、退院後の生活について確認した。", e));
	BTRY(add_demo_note(d, mon_client[2], day1 + 22, "phone", "居宅介護支援事業所 みどり ケアマネ",
			  "介護保険サービスの利用開始に向けて、心身の状況を情報提供した。", e));
	rc = store_client_get(d, mon_client[2], &c, e);
	if (rc == TSU_OK) {
		free(c.recipient_no);
		c.recipient_no = xstrdup("");
		rc = store_client_update(d, &c, e);
	}
	client_free(&c);
	if (rc != TSU_OK)
		return rc;
	/* Asked for twice outside the monitoring months (集中支援加算), and a
	 * monitoring in a month that is not a monitoring month. */
	BTRY(add_demo_note(d, other, day1 + 8, "visit", "本人と母",
			   "本人の求めで自宅を訪問した。通所を休みがちで、生活リズムが崩れている。", e));
	BTRY(add_demo_note(d, other, day1 + 18, "meeting", "本人",
			   "再度面接し、通所の再開に向けて一緒に予定を立てた。", e));
	return add_demo_monitoring(d, other, other_plan, day1 + 11, "本人の希望で臨時に訪問した。", e);
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
	/* One transaction: all of the demo or none of it. */
	if (db_begin(d, &e) != TSU_OK)
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	err_clear(&e);
	if (add_providers(d, &e) != TSU_OK) {
		db_rollback(d);
		return cli_fail(EXIT_FAIL, "%s", e.msg);
	}
	bool sl_given = false;
	for (long i = 0; i < n; i++) {
		if (add_client(d, &r, (int)i, ctx->today, &sl_given, &e) != TSU_OK) {
			db_rollback(d);
			return cli_fail(EXIT_FAIL, "%s", e.msg);
		}
	}
	if (add_billing_month(d, ctx->today, (int)n, &e) != TSU_OK) {
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
