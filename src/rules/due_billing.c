/*
 * due_billing.c - the office's monthly claim: services of month N are
 * claimed to the 国保連 (国民健康保険団体連合会) from the 1st to the 10th
 * of month N+1.  Sources: 大阪府国民健康保険団体連合会, 請求期間 ("前月末日
 * までに行ったサービス分について、1日から10日に請求します"); 鳥取県国保連,
 * 障害福祉サービス費の請求 ("(N+1)月の1日~10日に請求").  Some 国保連
 * move the last day when the 10th is a holiday; that is not modelled.
 */
#include "due_engine.h"
#include "tsunagi/due.h"

void due_rule_billing(engine *en)
{
	for (month_t m = date_month(en->q->from); m <= date_month(en->q->to); m++) {
		date_t on = month_first_day(m) + 9;
		due_item *it;

		if (!en_in_window(en, on) || on < en->q->today)
			continue;
		it = en_push(en, DUE_BILLING, 0, 0, on);
		it->month = m - 1;
	}
}
