/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The workspace settings a manager edits (currency, gross margin, report targets), validated. */
#pragma once

#include <glib.h>

#include "tenure-db.h"

G_BEGIN_DECLS

#define TENURE_SETTINGS_ERROR (tenure_settings_error_quark ())

typedef enum
{
  TENURE_SETTINGS_ERROR_INVALID,   /* unknown key, or a value outside its range */
} TenureSettingsError;

#define TENURE_SETTINGS_CURRENCY_KEY     "currency"
#define TENURE_SETTINGS_GROSS_MARGIN_KEY "gross_margin_pct"

/* A number setting: its key, its texts (N_()), its default and its range. */
typedef struct
{
  const char *key;
  const char *title;
  const char *description;
  double      fallback;
  double      minimum;
  double      maximum;
  double      step;
  guint       digits;
  gboolean    at_most;        /* a target the figure must stay under */
} TenureNumberSetting;

GQuark                      tenure_settings_error_quark     (void);

/* The currencies offered, NULL-terminated: EUR, USD, GBP, CHF, CAD. */
const char * const         *tenure_settings_get_currencies  (void);

/* The gross margin, then the report's targets (see tenure-report.h), in display order. */
const TenureNumberSetting  *tenure_settings_get_numbers     (guint            *n_numbers);
const TenureNumberSetting  *tenure_settings_lookup_number   (const char       *key);

/* The stored currency, or EUR when none (or one not offered) is stored. */
char                       *tenure_settings_get_currency    (TenureDb         *db);
gboolean                    tenure_settings_set_currency    (TenureDb         *db,
                                                             const char       *currency,
                                                             GError          **error);

/* The stored number, or the default when none (or one out of range) is stored. */
double                      tenure_settings_get_number      (TenureDb         *db,
                                                             const char       *key);
gboolean                    tenure_settings_set_number      (TenureDb         *db,
                                                             const char       *key,
                                                             double            value,
                                                             GError          **error);

G_END_DECLS
