/*
 * service_kind.h - which law a service of the plan comes under, and so
 * which form the plan and the monitoring report are: a child using
 * 障害児通所支援 (児童福祉法) gets 障害児支援利用計画, one using only
 * 障害福祉サービス (障害者総合支援法) サービス等利用計画, both the combined
 * サービス等利用計画・障害児支援利用計画.  Pure: no I/O.
 */
#ifndef TSUNAGI_SERVICE_KIND_H
#define TSUNAGI_SERVICE_KIND_H

#include <stdbool.h>

typedef enum service_law {
	SERVICE_OTHER,          /* neither: 計画相談支援, 通院, a free note */
	SERVICE_WELFARE,        /* 障害福祉サービス (障害者総合支援法 第5条) */
	SERVICE_CHILD_DAY,      /* 障害児通所支援 (児童福祉法 第6条の2の2) */
} service_law;

/* The law of a service as the worker wrote it ("居宅介護（家事援助）",
 * "放課後等デイサービス 週3日"): matched by name, folded (full/half
 * width, kana).  SERVICE_OTHER when it names neither kind. */
service_law service_law_of(const char *service_kind);

/* The services a plan uses, as flags. */
typedef struct service_mix {
	bool welfare, child_day;
} service_mix;

void service_mix_add(service_mix *m, const char *service_kind);

/* The plan's form name without "（案）": by the services when the plan
 * names any of either law, else by the case (child: 障害児支援利用計画). */
const char *service_plan_title(const service_mix *m, bool child_case);
/* The monitoring report's service name in its title, the same way:
 * 継続サービス利用支援 / 継続障害児支援利用援助 / both joined with "・". */
const char *service_monitoring_kind(const service_mix *m, bool child_case);

#endif
