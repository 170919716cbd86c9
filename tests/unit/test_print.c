/*
 * test_print.c - the printed forms as text, pinned for a fixed record
 * set: the plan (draft and final), the weekly grid, the monitoring report,
 * the assessment grouped by ICF component, and the prep sheet (its drawn
 * summary, then the stored text); lines never pass 80 columns, control
 * characters in stored text never reach the output, and --initials
 * hides the name.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "tsunagi/db.h"
#include "tsunagi/print.h"
#include "tsunagi/records.h"
#include "tsunagi/store_client.h"
#include "tsunagi/store_cycle.h"
#include "tsunagi/store_plan.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

struct fx {
	fx_db x;
	int64_t client, plan, monitoring, assessment;
};

static date_t D(const char *s)
{
	date_t d;
	tsu_err e;
	assert_int_equal(date_parse(s, &d, &e), TSU_OK);
	return d;
}

static void set(char **dst, const char *s)
{
	free(*dst);
	*dst = xstrdup(s);
}

static void fixture(struct fx *f)
{
	client c;
	plan p;
	plan_row r;
	weekly_slot w;
	assessment a;
	assessment_item it;
	monitoring_row *mr;
	note n;
	size_t nmr;
	tsu_err e;
	static const char *const goals[] = { "週2回掃除をする", "週4日通所を続ける" };

	client_init(&c);
	assert_int_equal(client_set(&c, "name", "山田 太郎", &e), TSU_OK);
	assert_int_equal(client_set(&c, "kana", "やまだ たろう", &e), TSU_OK);
	assert_int_equal(client_set(&c, "birth", "1980-04-02", &e), TSU_OK);
	assert_int_equal(client_set(&c, "recipient-no", "1400100001", &e), TSU_OK);
	assert_int_equal(client_set(&c, "support-level", "3", &e), TSU_OK);
	assert_int_equal(client_set(&c, "copay-cap", "9300", &e), TSU_OK);
	assert_int_equal(client_set(&c, "sex", "male", &e), TSU_OK);
	assert_int_equal(client_set(&c, "address", "横浜市中区1-2-3", &e), TSU_OK);
	assert_int_equal(store_client_add(f->x.db, &c, &e), TSU_OK);
	f->client = c.id;
	client_free(&c);

	record_init(&rt_plan, &p);
	p.client_id = f->client;
	p.period_from = D("2026-05-01");
	p.period_to = D("2027-04-30");
	p.written_on = D("2026-04-20");
	p.monitoring_months = 3;
	set(&p.wishes, "今のアパートで暮らしたい。\x1b[31m");
	set(&p.policy, "家事支援と日中活動で一人暮らしを支える。");
	set(&p.long_goal, "一人暮らしを続ける。");
	set(&p.short_goal, "生活リズムを整える。");
	set(&p.daily_activities, "7:00 起床");
	assert_int_equal(store_plan_add(f->x.db, &p, &e), TSU_OK);
	f->plan = p.id;
	record_free(&rt_plan, &p);
	for (int i = 0; i < 2; i++) {
		record_init(&rt_plan_row, &r);
		r.plan_id = f->plan;
		r.priority = i + 1;
		set(&r.need, i ? "働きたい" : "掃除ができるようになりたい");
		set(&r.goal, goals[i]);
		set(&r.service_kind, i ? "就労継続支援B型" : "居宅介護（家事援助）");
		set(&r.service_amount, i ? "週4日" : "週2回・各1時間");
		set(&r.provider, "つなぎヘルパー 045-000-0000");
		r.target_on = D("2026-10-31");
		assert_int_equal(store_record_add(f->x.db, &rt_plan_row, &r, &e), TSU_OK);
		record_free(&rt_plan_row, &r);
	}
	record_init(&rt_weekly_slot, &w);
	w.plan_id = f->plan;
	w.weekday = 1;
	w.start_min = 600;
	w.end_min = 780;
	set(&w.activity, "家事援助");
	assert_int_equal(store_record_add(f->x.db, &rt_weekly_slot, &w, &e), TSU_OK);
	record_free(&rt_weekly_slot, &w);

	assert_int_equal(store_plan_finalise(f->x.db, f->plan, D("2026-04-28"), &e), TSU_OK);
	assert_int_equal(store_monitoring_start(f->x.db, f->client, D("2026-07-10"), &f->monitoring, &e), TSU_OK);
	assert_int_equal(store_record_list(f->x.db, &rt_monitoring_row, f->monitoring, (void **)&mr, &nmr, &e), TSU_OK);
	mr[0].gas = 1;
	set(&mr[0].next_steps, "一人で掃除する日を作る。");
	mr[1].gas = -1;
	mr[1].change_weekly = true;
	for (size_t i = 0; i < nmr; i++)
		assert_int_equal(store_record_update(f->x.db, &rt_monitoring_row, &mr[i], &e), TSU_OK);
	record_free_list(&rt_monitoring_row, mr, nmr);

	record_init(&rt_assessment, &a);
	a.client_id = f->client;
	a.assessed_on = D("2026-04-01");
	set(&a.health, "統合失調症。");
	assert_int_equal(store_record_add(f->x.db, &rt_assessment, &a, &e), TSU_OK);
	f->assessment = a.id;
	record_free(&rt_assessment, &a);
	{
		static const struct { const char *comp, *code, *fact, *interp; int q, cap; bool fac, str, need; } items[] = {
			{ "d", "d640", "掃除は声かけでできる。", "手順があればできる。", 2, 1, false, true, true },
			{ "b", "b134", "夜中に目が覚める。", "服薬時間の影響。", 1, FIELD_INT_NULL, false, false, true },
			{ "e", "e310", "母が週1回来る。", "大きな支え。", 2, FIELD_INT_NULL, true, true, false },
		};
		for (size_t i = 0; i < 3; i++) {
			record_init(&rt_assessment_item, &it);
			it.assessment_id = f->assessment;
			it.position = (int)i;
			set(&it.component, items[i].comp);
			set(&it.icf_code, items[i].code);
			set(&it.fact, items[i].fact);
			set(&it.interpretation, items[i].interp);
			it.qualifier = items[i].q;
			it.capacity = items[i].cap;
			it.facilitator = items[i].fac;
			it.strength = items[i].str;
			it.need = items[i].need;
			assert_int_equal(store_record_add(f->x.db, &rt_assessment_item, &it, &e), TSU_OK);
			record_free(&rt_assessment_item, &it);
		}
	}
	record_init(&rt_note, &n);
	n.client_id = f->client;
	n.noted_on = D("2026-11-20");
	set(&n.kind, "phone");
	set(&n.fact, "眠れない日が続いている。");
	set(&n.next_step, "主治医に相談する。");
	assert_int_equal(store_record_add(f->x.db, &rt_note, &n, &e), TSU_OK);
	record_free(&rt_note, &n);
}

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);

	fx_db_open(&f->x, "print");
	fixture(f);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	fx_db_close(&f->x);
	free(f);
	return 0;
}

static const print_opts opts = { .office = "つなぎ相談支援センター", .worker = "佐藤 花子" };

static char *render(struct fx *f, print_kind k, int64_t id, bool initials)
{
	print_opts o = opts;
	pform *pf;
	tsu_err e;
	char *s;

	o.today = D("2026-11-23");
	o.initials = initials;
	assert_int_equal(print_build(f->x.db, k, f->client, id, &o, &pf, &e), TSU_OK);
	s = pform_render_text(pf, NULL);
	pform_free(pf);
	if (getenv("PRINT_DUMP"))
		fputs(s, stderr);
	return s;
}

static void assert_fits_80_columns(const char *s)
{
	while (*s) {
		const char *nl = strchr(s, '\n');
		char *line = nl ? xstrndup(s, (size_t)(nl - s)) : xstrdup(s);
		assert_true(text_width(line) <= PRINT_TEXT_COLS);
		assert_null(strchr(line, '\x1b'));
		free(line);
		s = nl ? nl + 1 : s + strlen(s);
	}
}

static const char want_plan[] =
	"                               サービス等利用計画\n"
	"                             出力日 令和8年11月23日\n"
	"================================================================================\n"
	"利用者氏名                    山田 太郎\n"
	"障害福祉サービス受給者証番号  1400100001\n"
	"地域相談支援受給者証番号\n"
	"通所受給者証番号\n"
	"障害支援区分                  区分3\n"
	"利用者負担上限額              9,300円\n"
	"相談支援事業者名              つなぎ相談支援センター\n"
	"計画作成担当者                佐藤 花子\n"
	"計画作成日                    令和8年4月20日\n"
	"モニタリング期間              3月ごと(R8.7〜R9.4)\n"
	"【利用者及びその家族の生活に対する意向（希望する生活）】\n"
	"  今のアパートで暮らしたい。^[[31m\n"
	"【総合的な援助の方針】\n"
	"  家事支援と日中活動で一人暮らしを支える。\n"
	"【長期目標】\n"
	"  一人暮らしを続ける。\n"
	"【短期目標】\n"
	"  生活リズムを整える。\n"
	"--------------------------------------------------------------------------------\n"
	"優先順位 1\n"
	"  解決すべき課題（本人のニーズ）\n"
	"                            掃除ができるようになりたい\n"
	"  支援目標                  週2回掃除をする\n"
	"  達成時期                  R8.10.31\n"
	"  福祉サービス等種類・内容・量（頻度・時間）\n"
	"                            居宅介護（家事援助）\n"
	"                            週2回・各1時間\n"
	"  提供事業者名（担当者名・電話）\n"
	"                            つなぎヘルパー 045-000-0000\n"
	"  課題解決のための本人の役割\n"
	"\n"
	"  評価時期\n"
	"  その他留意事項\n"
	"--------------------------------------------------------------------------------\n"
	"優先順位 2\n"
	"  解決すべき課題（本人のニーズ）\n"
	"                            働きたい\n"
	"  支援目標                  週4日通所を続ける\n"
	"  達成時期                  R8.10.31\n"
	"  福祉サービス等種類・内容・量（頻度・時間）\n"
	"                            就労継続支援B型\n"
	"                            週4日\n"
	"  提供事業者名（担当者名・電話）\n"
	"                            つなぎヘルパー 045-000-0000\n"
	"  課題解決のための本人の役割\n"
	"\n"
	"  評価時期\n"
	"  その他留意事項\n"
	"--------------------------------------------------------------------------------\n"
	"\n"
	"利用者同意署名欄  ______________________________  同意日 令和8年4月28日\n";

static const char want_weekly[] =
	"                                   週間計画表\n"
	"                             出力日 令和8年11月23日\n"
	"================================================================================\n"
	"利用者氏名                    山田 太郎\n"
	"障害福祉サービス受給者証番号  1400100001\n"
	"地域相談支援受給者証番号\n"
	"通所受給者証番号\n"
	"障害支援区分                  区分3\n"
	"相談支援事業者名              つなぎ相談支援センター\n"
	"計画作成担当者                佐藤 花子\n"
	"計画作成日                    令和8年4月20日\n"
	"      |月       |火       |水       |木       |金       |土       |日・祝   |\n"
	"06:00 |         |         |         |         |         |         |         |\n"
	"07:00 |         |         |         |         |         |         |         |\n"
	"08:00 |         |         |         |         |         |         |         |\n"
	"09:00 |         |         |         |         |         |         |         |\n"
	"10:00 |         |家事援助 |         |         |         |         |         |\n"
	"11:00 |         |｜       |         |         |         |         |         |\n"
	"12:00 |         |｜       |         |         |         |         |         |\n"
	"13:00 |         |         |         |         |         |         |         |\n"
	"14:00 |         |         |         |         |         |         |         |\n"
	"15:00 |         |         |         |         |         |         |         |\n"
	"16:00 |         |         |         |         |         |         |         |\n"
	"17:00 |         |         |         |         |         |         |         |\n"
	"18:00 |         |         |         |         |         |         |         |\n"
	"19:00 |         |         |         |         |         |         |         |\n"
	"20:00 |         |         |         |         |         |         |         |\n"
	"21:00 |         |         |         |         |         |         |         |\n"
	"22:00 |         |         |         |         |         |         |         |\n"
	"23:00 |         |         |         |         |         |         |         |\n"
	"【主な日常生活上の活動】\n"
	"  7:00 起床\n"
	"【週単位以外のサービス】\n"
	"【サービス提供によって実現する生活の全体像】\n";

static const char want_monitoring[] =
	"                   モニタリング報告書（継続サービス利用支援）\n"
	"                             出力日 令和8年11月23日\n"
	"================================================================================\n"
	"利用者氏名                    山田 太郎\n"
	"障害福祉サービス受給者証番号  1400100001\n"
	"地域相談支援受給者証番号\n"
	"通所受給者証番号\n"
	"障害支援区分                  区分3\n"
	"利用者負担上限額              9,300円\n"
	"相談支援事業者名              つなぎ相談支援センター\n"
	"計画作成担当者                佐藤 花子\n"
	"計画作成日                    令和8年4月20日\n"
	"モニタリング期間              3月ごと(R8.7〜R9.4)\n"
	"モニタリング実施日  令和8年7月10日\n"
	"実施方法            ■訪問　□来所　□その他\n"
	"【総合的な援助の方針】\n"
	"  家事支援と日中活動で一人暮らしを支える。\n"
	"【全体の状況】\n"
	"--------------------------------------------------------------------------------\n"
	"優先順位 1\n"
	"  支援目標                  週2回掃除をする\n"
	"  達成時期                  R8.10.31\n"
	"  サービス提供状況（事業者からの聞き取り）\n"
	"\n"
	"  本人の感想・満足度\n"
	"  支援目標の達成度（ニーズの充足度）\n"
	"                            GAS +1\n"
	"  今後の課題・解決方法      一人で掃除する日を作る。\n"
	"  計画変更の必要性          サービス種類 無\n"
	"                            サービス量 無\n"
	"                            週間計画 無\n"
	"  その他留意事項\n"
	"--------------------------------------------------------------------------------\n"
	"優先順位 2\n"
	"  支援目標                  週4日通所を続ける\n"
	"  達成時期                  R8.10.31\n"
	"  サービス提供状況（事業者からの聞き取り）\n"
	"\n"
	"  本人の感想・満足度\n"
	"  支援目標の達成度（ニーズの充足度）\n"
	"                            GAS -1\n"
	"  今後の課題・解決方法\n"
	"  計画変更の必要性          サービス種類 無\n"
	"                            サービス量 無\n"
	"                            週間計画 有\n"
	"  その他留意事項\n"
	"--------------------------------------------------------------------------------\n"
	"\n"
	"利用者同意署名欄  ______________________________  同意日 ________________\n";

static const char want_assessment[] =
	"                            申請者の現状（基本情報）\n"
	"                             出力日 令和8年11月23日\n"
	"================================================================================\n"
	"作成日                        令和8年4月1日\n"
	"相談支援事業者名              つなぎ相談支援センター\n"
	"計画作成担当者                佐藤 花子\n"
	"氏名                          山田 太郎\n"
	"生年月日                      昭和55年4月2日\n"
	"年齢                          45歳\n"
	"性別                          男\n"
	"住環境\n"
	"住所                          横浜市中区1-2-3\n"
	"電話\n"
	"障害名・疾患名\n"
	"手帳（種別・等級）\n"
	"障害支援区分                  区分3\n"
	"障害福祉サービス受給者証番号  1400100001\n"
	"地域相談支援受給者証番号\n"
	"通所受給者証番号\n"
	"【家族構成】\n"
	"【関係機関】\n"
	"【生活歴】\n"
	"【医療の状況】\n"
	"【本人の主訴と希望】\n"
	"【家族の意向】\n"
	"\n"
	"■ アセスメント（ICF：国際生活機能分類）\n"
	"【健康状態】\n"
	"  統合失調症。\n"
	"◆ 心身機能（b）\n"
	"--------------------------------------------------------------------------------\n"
	"コード b134\n"
	"  睡眠機能\n"
	"  評価点        1 軽度\n"
	"  事実          夜中に目が覚める。\n"
	"  解釈          服薬時間の影響。\n"
	"  強み・ニーズ  ニーズ\n"
	"◆ 活動と参加（d）\n"
	"--------------------------------------------------------------------------------\n"
	"コード d640\n"
	"  調理以外の家事\n"
	"  評価点        実行状況 2 中等度\n"
	"                能力 1 軽度\n"
	"  事実          掃除は声かけでできる。\n"
	"  解釈          手順があればできる。\n"
	"  強み・ニーズ  強み\n"
	"                ニーズ\n"
	"◆ 環境因子（e）\n"
	"--------------------------------------------------------------------------------\n"
	"コード e310\n"
	"  家族\n"
	"  評価点        促進因子 +2 中等度\n"
	"  事実          母が週1回来る。\n"
	"  解釈          大きな支え。\n"
	"  強み・ニーズ  強み\n"
	"--------------------------------------------------------------------------------\n";

static const char want_prep[] =
	"                               会議前の確認シート\n"
	"                             出力日 令和8年11月23日\n"
	"================================================================================\n"
	"利用者氏名                    山田 太郎\n"
	"作成日                        令和8年11月23日\n"
	"次回の会議                    未定\n"
	"相談支援事業者名              つなぎ相談支援センター\n"
	"計画作成担当者                佐藤 花子\n"
	"会議の場所\n"
	"障害福祉サービス受給者証番号  1400100001\n"
	"地域相談支援受給者証番号\n"
	"通所受給者証番号\n"
	"【確認事項】\n"
	"  【最近の変化】\n"
	"  ・令和8年11月20日 電話：眠れない日が続いている。\n"
	"  【安定していること・不安定なこと】\n"
	"  ・評価1回：週2回掃除をする（GAS +1）\n"
	"  ・評価1回：週4日通所を続ける（GAS -1）\n"
	"  【来月大切なこと】\n"
	"  ・一人で掃除する日を作る。\n"
	"  ・計画変更の検討：週間計画\n"
	"  ・令和8年11月20日 次の対応：主治医に相談する。\n";

static void check_form(void **state, print_kind k, const char *want)
{
	char *got = render(*state, k, 0, false);

	assert_string_equal(got, want);
	assert_fits_80_columns(got);
	free(got);
}

static void final_plan_prints_every_column_the_provider_and_the_consent_date(void **state)
{
	check_form(state, PRINT_PLAN, want_plan);
}

static void weekly_grid_marks_the_slot_from_its_first_hour_to_its_last(void **state)
{
	check_form(state, PRINT_WEEKLY, want_weekly);
}

static void monitoring_report_has_a_row_per_goal_with_gas_and_change_flags(void **state)
{
	check_form(state, PRINT_MONITORING, want_monitoring);
}

static void assessment_groups_icf_items_by_component_with_fact_and_interpretation_apart(void **state)
{
	check_form(state, PRINT_ASSESSMENT, want_assessment);
}

static void prep_sheet_draws_its_summary_from_notes_monitoring_and_gas(void **state)
{
	check_form(state, PRINT_PREP, want_prep);
}

static void a_draft_plan_is_titled_an_draft_and_leaves_the_provider_empty(void **state)
{
	struct fx *f = *state;
	int64_t nid;
	tsu_err e;
	char *got;

	assert_int_equal(store_plan_revise(f->x.db, f->plan, D("2026-11-01"), &nid, &e), TSU_OK);
	got = render(f, PRINT_PLAN, 0, false);   /* the newest: the draft */
	assert_non_null(strstr(got, "サービス等利用計画（案）"));
	assert_non_null(strstr(got, "計画案作成日                  令和8年11月1日"));
	assert_null(strstr(got, "つなぎヘルパー"));
	/* no consent yet: a blank line for the date, no era to fill in */
	assert_non_null(strstr(got, "同意日 ________________\n"));
	assert_null(strstr(got, "年　"));
	free(got);
	got = render(f, PRINT_PLAN, f->plan, false);   /* --id: the final one */
	assert_non_null(strstr(got, "つなぎヘルパー"));
	free(got);
}

static void make_child(struct fx *f)
{
	client c;
	contact g;
	certificate ce;
	tsu_err e;

	assert_int_equal(store_client_get(f->x.db, f->client, &c, &e), TSU_OK);
	assert_int_equal(client_set(&c, "kind", "child", &e), TSU_OK);
	assert_int_equal(store_client_update(f->x.db, &c, &e), TSU_OK);
	client_free(&c);
	record_init(&rt_contact, &g);
	g.client_id = f->client;
	set(&g.role, "family");
	set(&g.name, "山田 花子");
	set(&g.kana, "やまだ はなこ");
	assert_int_equal(store_record_add(f->x.db, &rt_contact, &g, &e), TSU_OK);
	record_free(&rt_contact, &g);
	record_init(&rt_certificate, &ce);
	ce.client_id = f->client;
	set(&ce.kind, "day_service");
	set(&ce.number, "1400200002");
	ce.valid_from = D("2026-04-01");
	ce.valid_to = D("2027-03-31");
	assert_int_equal(store_record_add(f->x.db, &rt_certificate, &ce, &e), TSU_OK);
	record_free(&rt_certificate, &ce);
}

/* A new version of the fixture's plan with a row of service kind. */
static int64_t revise_with(struct fx *f, const char *kind, bool drop_others)
{
	int64_t nid;
	plan_row r, *rows;
	size_t n;
	tsu_err e;

	assert_int_equal(store_plan_revise(f->x.db, f->plan, D("2026-11-01"), &nid, &e), TSU_OK);
	if (drop_others) {
		assert_int_equal(store_record_list(f->x.db, &rt_plan_row, nid, (void **)&rows, &n, &e), TSU_OK);
		for (size_t i = 0; i < n; i++)
			assert_int_equal(store_record_delete(f->x.db, &rt_plan_row, rows[i].id, &e), TSU_OK);
		record_free_list(&rt_plan_row, rows, n);
	}
	record_init(&rt_plan_row, &r);
	r.plan_id = nid;
	r.priority = 3;
	set(&r.goal, "友達と遊ぶ");
	set(&r.service_kind, kind);
	assert_int_equal(store_record_add(f->x.db, &rt_plan_row, &r, &e), TSU_OK);
	record_free(&rt_plan_row, &r);
	return nid;
}

static void a_child_using_only_welfare_services_gets_the_service_plan_title(void **state)
{
	struct fx *f = *state;
	char *got;

	make_child(f);
	got = render(f, PRINT_PLAN, 0, false);   /* 居宅介護 and 就労継続支援B型 only */
	assert_non_null(strstr(got, "                               サービス等利用計画\n"));
	assert_null(strstr(got, "障害児支援利用計画"));
	assert_non_null(strstr(got, "児童氏名                      山田 太郎\n"));
	assert_non_null(strstr(got, "保護者氏名                    山田 花子\n"));
	assert_non_null(strstr(got, "障害福祉サービス受給者証番号  1400100001\n"));
	assert_non_null(strstr(got, "通所受給者証番号              1400200002\n"));
	free(got);
	got = render(f, PRINT_MONITORING, 0, false);
	assert_non_null(strstr(got, "モニタリング報告書（継続サービス利用支援）"));
	free(got);
}

static void a_child_using_both_kinds_gets_the_combined_title(void **state)
{
	struct fx *f = *state;
	int64_t nid;
	char *got;

	make_child(f);
	nid = revise_with(f, "放課後等デイサービス", false);
	got = render(f, PRINT_PLAN, nid, false);
	assert_non_null(strstr(got, "サービス等利用計画・障害児支援利用計画（案）\n"));
	assert_non_null(strstr(got, "保護者氏名"));
	free(got);
}

static void a_child_using_only_day_services_gets_the_childs_plan_title(void **state)
{
	struct fx *f = *state;
	int64_t nid;
	tsu_err e;
	char *got;

	make_child(f);
	nid = revise_with(f, "児童発達支援（週3日）", true);
	got = render(f, PRINT_PLAN, nid, false);
	assert_non_null(strstr(got, " 障害児支援利用計画（案）\n"));
	assert_null(strstr(got, "サービス等利用計画"));
	free(got);
	/* Final: the same form without （案）, and the monitoring report of
	 * the new version says 継続障害児支援利用援助. */
	assert_int_equal(store_plan_finalise(f->x.db, nid, D("2026-11-10"), &e), TSU_OK);
	got = render(f, PRINT_PLAN, nid, false);
	assert_non_null(strstr(got, " 障害児支援利用計画\n"));
	free(got);
	assert_int_equal(store_monitoring_start(f->x.db, f->client, D("2026-11-20"), &nid, &e), TSU_OK);
	got = render(f, PRINT_MONITORING, nid, false);
	assert_non_null(strstr(got, "モニタリング報告書（継続障害児支援利用援助）"));
	free(got);
}

static void an_adult_shows_no_guardian_but_all_three_numbers(void **state)
{
	struct fx *f = *state;
	certificate ce;
	tsu_err e;
	char *got;

	record_init(&rt_certificate, &ce);
	ce.client_id = f->client;
	set(&ce.kind, "community");
	set(&ce.number, "1400300003");
	ce.valid_from = D("2026-04-01");
	ce.valid_to = D("2027-03-31");
	assert_int_equal(store_record_add(f->x.db, &rt_certificate, &ce, &e), TSU_OK);
	record_free(&rt_certificate, &ce);
	for (print_kind k = PRINT_ASSESSMENT; k <= PRINT_PREP; k++) {
		got = render(f, k, 0, false);
		assert_non_null(strstr(got, "障害福祉サービス受給者証番号  1400100001\n"));
		assert_non_null(strstr(got, "地域相談支援受給者証番号      1400300003\n"));
		assert_non_null(strstr(got, "通所受給者証番号\n"));
		assert_null(strstr(got, "保護者氏名"));
		free(got);
	}
}

static void monitoring_months_follow_the_interval_history(void **state)
{
	struct fx *f = *state;
	tsu_err e;
	char *got;

	/* Every month first, then every 6 months (the municipality's
	 * change, recorded on the plan in force). */
	assert_int_equal(store_plan_set_interval(f->x.db, f->plan, month_from_ym(2026, 5), 1, &e), TSU_OK);
	assert_int_equal(store_plan_set_interval(f->x.db, f->plan, month_from_ym(2026, 8), 6, &e), TSU_OK);
	got = render(f, PRINT_PLAN, f->plan, false);
	assert_non_null(strstr(got, "モニタリング期間              毎月(R8.5〜R8.7)、6月ごと(R8.10〜R9.4)\n"));
	free(got);
}

static void the_draft_and_the_final_plan_get_their_own_file_names(void **state)
{
	struct fx *f = *state;
	print_opts o = opts;
	int64_t nid;
	pform *pf;
	tsu_err e;
	char *name, *want;

	o.today = D("2026-11-23");
	assert_int_equal(store_plan_revise(f->x.db, f->plan, D("2026-11-01"), &nid, &e), TSU_OK);
	assert_int_equal(print_build(f->x.db, PRINT_PLAN, f->client, 0, &o, &pf, &e), TSU_OK);
	name = print_file_name(pf, PRINT_PLAN, f->client, 0);
	want = xasprintf("plan-draft-%lld-%lld.pdf", (long long)f->client, (long long)nid);
	assert_string_equal(name, want);
	free(want);
	free(name);
	pform_free(pf);
	assert_int_equal(print_build(f->x.db, PRINT_PLAN, f->client, f->plan, &o, &pf, &e), TSU_OK);
	name = print_file_name(pf, PRINT_PLAN, f->client, f->plan);
	want = xasprintf("plan-final-%lld-%lld.pdf", (long long)f->client, (long long)f->plan);
	assert_string_equal(name, want);
	free(want);
	free(name);
	pform_free(pf);
	assert_int_equal(print_build(f->x.db, PRINT_MONITORING, f->client, 0, &o, &pf, &e), TSU_OK);
	name = print_file_name(pf, PRINT_MONITORING, f->client, 0);
	want = xasprintf("monitoring-%lld-%lld.pdf", (long long)f->client, (long long)f->monitoring);
	assert_string_equal(name, want);
	free(want);
	free(name);
	pform_free(pf);
}

static void initials_replace_the_name_and_hide_address(void **state)
{
	char *got = render(*state, PRINT_ASSESSMENT, 0, true);

	assert_null(strstr(got, "山田"));
	assert_non_null(strstr(got, "Y.T."));
	assert_null(strstr(got, "横浜市"));
	free(got);
}

static void prep_sheet_prints_the_stored_text_when_there_is_one(void **state)
{
	struct fx *f = *state;
	tsu_err e;
	char *got;

	assert_int_equal(store_prep_save(f->x.db, f->client, 0, 0, D("2026-11-30"), "服薬の声かけを相談する", NULL, &e), TSU_OK);
	got = render(f, PRINT_PREP, 0, false);
	assert_non_null(strstr(got, "  服薬の声かけを相談する\n"));
	assert_non_null(strstr(got, "次回の会議                    令和8年11月30日"));
	assert_null(strstr(got, "【最近の変化】"));
	free(got);
}

static void a_record_of_another_client_or_none_at_all_is_refused(void **state)
{
	struct fx *f = *state;
	print_opts o = opts;
	pform *pf = NULL;
	tsu_err e;
	client c;

	o.today = D("2026-11-23");
	client_init(&c);
	assert_int_equal(client_set(&c, "name", "佐藤", &e), TSU_OK);
	assert_int_equal(client_set(&c, "kana", "さとう", &e), TSU_OK);
	assert_int_equal(client_set(&c, "birth", "1980-01-01", &e), TSU_OK);
	assert_int_equal(store_client_add(f->x.db, &c, &e), TSU_OK);
	client_free(&c);
	assert_int_equal(print_build(f->x.db, PRINT_PLAN, c.id, f->plan, &o, &pf, &e), TSU_EINVAL);
	assert_null(pf);
	assert_int_equal(print_build(f->x.db, PRINT_MONITORING, c.id, 0, &o, &pf, &e), TSU_ENOTFOUND);
	assert_int_equal(print_build(f->x.db, PRINT_ASSESSMENT, c.id, 0, &o, &pf, &e), TSU_ENOTFOUND);
	assert_int_equal(print_kind_from_name("weekly"), PRINT_WEEKLY);
	assert_int_equal(print_kind_from_name("nope"), -1);
}

static void long_text_wraps_within_80_columns_without_a_line_starting_with_a_full_stop(void **state)
{
	pform *pf = pform_new("題", "", false);
	char *got;

	pform_text(pf, "本文", "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれ。ろわをん");
	got = pform_render_text(pf, NULL);
	assert_fits_80_columns(got);
	assert_null(strstr(got, "\n  。"));
	free(got);
	pform_free(pf);
}

static bool contains(const char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(hay + i, needle, k) == 0)
			return true;
	return false;
}

static void the_plan_pdf_is_landscape_a4_with_its_text(void **state)
{
	print_opts o = opts;
	struct fx *f = *state;
	pform *pf;
	char *pdf;
	size_t len;
	tsu_err e;

	o.today = D("2026-11-23");
	assert_int_equal(print_build(f->x.db, PRINT_PLAN, f->client, 0, &o, &pf, &e), TSU_OK);
	assert_int_equal(pform_render_pdf(pf, &pdf, &len, &e), TSU_OK);
	assert_true(len > 1000);
	assert_memory_equal(pdf, "%PDF-", 5);
	/* A4 landscape to a thousandth of a point, as pdfw.c writes it. */
	assert_true(contains(pdf, len, "/MediaBox [0 0 841.89 595.276]"));
	free(pdf);
	pform_free(pf);
}

static void gas_zero_is_written_without_a_sign(void **state)
{
	char *g;

	(void)state;
	g = print_gas(0);
	assert_string_equal(g, "0");
	free(g);
	g = print_gas(1);
	assert_string_equal(g, "+1");
	free(g);
	g = print_gas(-2);
	assert_string_equal(g, "-2");
	free(g);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(final_plan_prints_every_column_the_provider_and_the_consent_date),
		T(weekly_grid_marks_the_slot_from_its_first_hour_to_its_last),
		T(monitoring_report_has_a_row_per_goal_with_gas_and_change_flags),
		T(assessment_groups_icf_items_by_component_with_fact_and_interpretation_apart),
		T(prep_sheet_draws_its_summary_from_notes_monitoring_and_gas),
		T(a_draft_plan_is_titled_an_draft_and_leaves_the_provider_empty),
		T(a_child_using_only_welfare_services_gets_the_service_plan_title),
		T(a_child_using_both_kinds_gets_the_combined_title),
		T(a_child_using_only_day_services_gets_the_childs_plan_title),
		T(an_adult_shows_no_guardian_but_all_three_numbers),
		T(monitoring_months_follow_the_interval_history),
		T(the_draft_and_the_final_plan_get_their_own_file_names),
		T(initials_replace_the_name_and_hide_address),
		T(prep_sheet_prints_the_stored_text_when_there_is_one),
		T(a_record_of_another_client_or_none_at_all_is_refused),
		T(long_text_wraps_within_80_columns_without_a_line_starting_with_a_full_stop),
		T(the_plan_pdf_is_landscape_a4_with_its_text),
		cmocka_unit_test(gas_zero_is_written_without_a_sign),
	};
	return cmocka_run_group_tests_name("print", tests, NULL, NULL);
}
