/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Numbers, money, percentages and months written the way a French or English reader expects. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The language of figures. DEFAULT follows the process locale (see
 * tenure_language_resolve()); the others are explicit so tests can check both. */
typedef enum
{
  TENURE_LANGUAGE_DEFAULT,
  TENURE_LANGUAGE_ENGLISH,
  TENURE_LANGUAGE_FRENCH,
} TenureLanguage;

/* What a value measures. Money values are in cents. */
typedef enum
{
  TENURE_UNIT_COUNT,
  TENURE_UNIT_MONEY,
  TENURE_UNIT_PERCENT,
  TENURE_UNIT_MONTHS,
  TENURE_UNIT_DAYS,
} TenureUnit;

typedef enum
{
  TENURE_FORMAT_NONE    = 0,
  TENURE_FORMAT_CENTS   = 1 << 0, /* money with its two decimals */
  TENURE_FORMAT_COMPACT = 1 << 1, /* 12,3 k€ / €12.3k */
  TENURE_FORMAT_SIGN    = 1 << 2, /* + in front of positive values (movements) */
} TenureFormatFlags;

TenureLanguage  tenure_language_resolve      (TenureLanguage      language);

char           *tenure_format_number         (double              value,
                                              int                 decimals,
                                              TenureFormatFlags   flags,
                                              TenureLanguage      language);
char           *tenure_format_count          (gint64              count);
char           *tenure_format_money          (gint64              cents,
                                              const char         *currency,
                                              TenureFormatFlags   flags,
                                              TenureLanguage      language);
char           *tenure_format_money_compact  (double              cents,
                                              const char         *currency,
                                              int                 decimals,
                                              TenureFormatFlags   flags,
                                              TenureLanguage      language);
char           *tenure_format_percent        (double              percent,
                                              int                 decimals,
                                              TenureFormatFlags   flags,
                                              TenureLanguage      language);
char           *tenure_format_month          (int                 month,
                                              TenureLanguage      language);
char           *tenure_format_value          (double              value,
                                              TenureUnit          unit,
                                              const char         *currency,
                                              TenureFormatFlags   flags,
                                              TenureLanguage      language);
char           *tenure_format_axis_value     (double              value,
                                              double              step,
                                              TenureUnit          unit,
                                              const char         *currency,
                                              TenureLanguage      language);
int             tenure_format_decimals_for_step (double           step);

G_END_DECLS
