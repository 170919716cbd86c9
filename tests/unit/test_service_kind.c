/*
 * test_service_kind.c - which law a plan's service comes under
 * (児童福祉法 第6条の2の2 / 障害者総合支援法 第5条), and the form titles
 * that follow: the services decide, not the client's case kind.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "tsunagi/service_kind.h"

static void the_four_childrens_day_services_are_childrens(void **state)
{
	(void)state;
	assert_int_equal(service_law_of("児童発達支援"), SERVICE_CHILD_DAY);
	assert_int_equal(service_law_of("放課後等デイサービス 週3日"), SERVICE_CHILD_DAY);
	assert_int_equal(service_law_of("保育所等訪問支援"), SERVICE_CHILD_DAY);
	/* Visits the home, but is a child's day service, not 居宅介護. */
	assert_int_equal(service_law_of("居宅訪問型児童発達支援"), SERVICE_CHILD_DAY);
	/* Merged into 児童発達支援 in 2024, still on older plans. */
	assert_int_equal(service_law_of("医療型児童発達支援"), SERVICE_CHILD_DAY);
	assert_int_equal(service_law_of("ﾎｳﾃﾞｲ"), SERVICE_OTHER);   /* no reading guessed */
	assert_int_equal(service_law_of("放デイ"), SERVICE_CHILD_DAY);
}

static void welfare_services_are_welfare(void **state)
{
	(void)state;
	assert_int_equal(service_law_of("居宅介護（家事援助）"), SERVICE_WELFARE);
	assert_int_equal(service_law_of("短期入所"), SERVICE_WELFARE);
	assert_int_equal(service_law_of("就労継続支援B型"), SERVICE_WELFARE);
	assert_int_equal(service_law_of("就労継続支援Ｂ型"), SERVICE_WELFARE);
	assert_int_equal(service_law_of("生活介護"), SERVICE_WELFARE);
	assert_int_equal(service_law_of("ショートステイ"), SERVICE_WELFARE);
	assert_int_equal(service_law_of("しょーとすてい"), SERVICE_WELFARE);   /* folded kana */
}

static void other_services_are_neither(void **state)
{
	(void)state;
	assert_int_equal(service_law_of("計画相談支援（通院同行）"), SERVICE_OTHER);
	assert_int_equal(service_law_of("通院（精神科）"), SERVICE_OTHER);
	assert_int_equal(service_law_of(""), SERVICE_OTHER);
	assert_int_equal(service_law_of(NULL), SERVICE_OTHER);
}

static void the_title_follows_the_services_not_the_case(void **state)
{
	service_mix m = { false, false };

	(void)state;
	service_mix_add(&m, "居宅介護");
	service_mix_add(&m, "短期入所");
	assert_string_equal(service_plan_title(&m, true), "サービス等利用計画");
	assert_string_equal(service_monitoring_kind(&m, true), "継続サービス利用支援");
	service_mix_add(&m, "放課後等デイサービス");
	assert_string_equal(service_plan_title(&m, true), "サービス等利用計画・障害児支援利用計画");
	assert_string_equal(service_monitoring_kind(&m, true), "継続サービス利用支援・継続障害児支援利用援助");
	m.welfare = false;
	assert_string_equal(service_plan_title(&m, false), "障害児支援利用計画");
	assert_string_equal(service_monitoring_kind(&m, false), "継続障害児支援利用援助");
}

static void without_services_the_case_decides(void **state)
{
	service_mix m = { false, false };

	(void)state;
	service_mix_add(&m, "計画相談支援");
	assert_string_equal(service_plan_title(&m, true), "障害児支援利用計画");
	assert_string_equal(service_plan_title(&m, false), "サービス等利用計画");
	assert_string_equal(service_monitoring_kind(&m, true), "継続障害児支援利用援助");
	assert_string_equal(service_monitoring_kind(&m, false), "継続サービス利用支援");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_four_childrens_day_services_are_childrens),
		cmocka_unit_test(welfare_services_are_welfare),
		cmocka_unit_test(other_services_are_neither),
		cmocka_unit_test(the_title_follows_the_services_not_the_case),
		cmocka_unit_test(without_services_the_case_decides),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
