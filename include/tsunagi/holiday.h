/*
 * holiday.h - Japanese national holidays (国民の祝日), substitute holidays
 * (振替休日) and in-between holidays (国民の休日), computed, from 2000 on,
 * including the one-off days of 2019 and the moved days of 2020 and 2021.
 */
#ifndef TSUNAGI_HOLIDAY_H
#define TSUNAGI_HOLIDAY_H

#include <stdbool.h>
#include "tsunagi/date.h"

/* The years holidays are known for; holiday_name() is NULL outside them. */
#define HOLIDAY_FIRST_YEAR 2000
#define HOLIDAY_LAST_YEAR 2099

/* The Japanese name of the holiday on dt ("元日", "振替休日", "国民の休日"),
 * or NULL when dt is not a holiday.  The string is static. */
const char *holiday_name(date_t dt);
static inline bool holiday_is(date_t dt) { return holiday_name(dt) != 0; }

/* Vernal and autumnal equinox days of year y (day of March / September),
 * by the formula valid for 1980-2099; 0 outside those years. */
int holiday_vernal_equinox(int y);
int holiday_autumnal_equinox(int y);

#endif
