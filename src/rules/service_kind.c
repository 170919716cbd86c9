/*
 * service_kind.c - the two service lists that decide a plan's form.
 *
 * 障害児通所支援 is defined by 児童福祉法 第6条の2の2 第1項 (as in force
 * from 2024-04-01, 令和5年法律第63号): 児童発達支援, 放課後等デイサービス,
 * 居宅訪問型児童発達支援 and 保育所等訪問支援 (text read at
 * https://iuris.jp/児童福祉法-第六条の二の二/jpn/a/42020).  医療型児童発達
 * 支援, merged into 児童発達支援 by that amendment, still appears on older
 * plans and matches through the name 児童発達支援.
 *
 * 障害福祉サービス is defined by 障害者総合支援法 第5条 第1項: 居宅介護,
 * 重度訪問介護, 同行援護, 行動援護, 療養介護, 生活介護, 短期入所,
 * 重度障害者等包括支援, 施設入所支援, 自立訓練, 就労移行支援, 就労継続
 * 支援 and 共同生活援助 (text read in a copy of the law as of 2016,
 * https://123deta.com/document/y4w8v115-...).  自立生活援助 and 就労定着
 * 支援 (added 2018) and 就労選択支援 (added 2025) are included from
 * memory of those amendments: NOT confirmed against the current text.
 *
 * The everyday names グループホーム (共同生活援助), ショートステイ (短期
 * 入所), ホームヘルプ (居宅介護), 放課後デイ / 放デイ and 児発 are
 * practitioners' usage, not the law's words.
 */
#include <stdlib.h>
#include <string.h>

#include "tsunagi/service_kind.h"
#include "tsunagi/text.h"

static const char *const child_day[] = {
	"児童発達支援", "放課後等デイサービス", "放課後等デイ", "放課後デイ", "放デイ",
	"保育所等訪問支援", "居宅訪問型児童発達支援", "児発", NULL,
};

static const char *const welfare[] = {
	"居宅介護", "重度訪問介護", "同行援護", "行動援護", "療養介護", "生活介護",
	"短期入所", "重度障害者等包括支援", "施設入所支援", "自立訓練", "就労移行支援",
	"就労継続支援", "共同生活援助", "自立生活援助", "就労定着支援", "就労選択支援",
	"グループホーム", "ショートステイ", "ホームヘルプ", NULL,
};

static bool names_any(const char *text, const char *const *names)
{
	for (const char *const *n = names; *n; n++)
		if (text_fold_contains(text, *n))
			return true;
	return false;
}

service_law service_law_of(const char *service_kind)
{
	if (!service_kind || !*service_kind)
		return SERVICE_OTHER;
	/* 居宅訪問型児童発達支援 is a child's service although it visits
	 * the home: the child list is asked first. */
	if (names_any(service_kind, child_day))
		return SERVICE_CHILD_DAY;
	if (names_any(service_kind, welfare))
		return SERVICE_WELFARE;
	return SERVICE_OTHER;
}

void service_mix_add(service_mix *m, const char *service_kind)
{
	switch (service_law_of(service_kind)) {
	case SERVICE_WELFARE:
		m->welfare = true;
		break;
	case SERVICE_CHILD_DAY:
		m->child_day = true;
		break;
	case SERVICE_OTHER:
		break;
	}
}

const char *service_plan_title(const service_mix *m, bool child_case)
{
	if (m->welfare && m->child_day)
		return "サービス等利用計画・障害児支援利用計画";
	if (m->child_day)
		return "障害児支援利用計画";
	if (m->welfare)
		return "サービス等利用計画";
	return child_case ? "障害児支援利用計画" : "サービス等利用計画";
}

const char *service_monitoring_kind(const service_mix *m, bool child_case)
{
	if (m->welfare && m->child_day)
		return "継続サービス利用支援・継続障害児支援利用援助";
	if (m->child_day)
		return "継続障害児支援利用援助";
	if (m->welfare)
		return "継続サービス利用支援";
	return child_case ? "継続障害児支援利用援助" : "継続サービス利用支援";
}
