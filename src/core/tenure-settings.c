/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads and writes the workspace settings of the preferences, refusing values out of range. */

#define G_LOG_DOMAIN "tenure-settings"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tenure-settings.h"

G_DEFINE_QUARK (tenure-settings-error-quark, tenure_settings_error)

static const char * const currencies[] = { "EUR", "USD", "GBP", "CHF", "CAD", NULL };

/* The defaults are those of tenure-metrics.c and tenure-report-summary.c. */
static const TenureNumberSetting numbers[] = {
  { TENURE_SETTINGS_GROSS_MARGIN_KEY, N_("Gross margin"),
    N_("The share of revenue left after the cost of serving customers, in percent; "
       "customer lifetime value uses it"),
    80, 1, 100, 1, 0, FALSE },
  { "target_mrr_growth_pct", N_("Recurring revenue growth"),
    N_("Change of monthly recurring revenue against last month, in percent, at least"),
    1, -100, 100, 0.5, 1, FALSE },
  { "target_nrr_pct", N_("Net revenue retention"),
    N_("Revenue kept from last month’s customers with upgrades and downgrades, in percent, at least"),
    100, 0, 200, 1, 0, FALSE },
  { "target_grr_pct", N_("Gross revenue retention"),
    N_("Revenue kept from last month’s customers without upgrades, in percent, at least"),
    90, 0, 100, 1, 0, FALSE },
  { "target_logo_churn_pct", N_("Customer churn"),
    N_("Share of customers lost in the month, in percent, at most"),
    2, 0, 100, 0.5, 1, TRUE },
  { "target_revenue_churn_pct", N_("Revenue churn"),
    N_("Share of recurring revenue lost in the month, in percent, at most"),
    1.5, 0, 100, 0.5, 1, TRUE },
  { "target_nps", N_("Net promoter score"),
    N_("Promoters minus detractors, from −100 to 100, at least"),
    30, -100, 100, 1, 0, FALSE },
  { "target_cli", N_("Customer loyalty index"),
    N_("Average rating out of 10, times 10, at least"),
    75, 0, 100, 1, 0, FALSE },
  { "target_taj_4_plus_pct", N_("Job completion"),
    N_("New accounts whose job completion score is 4 or more, in percent, at least"),
    40, 0, 100, 1, 0, FALSE },
  { "target_signal48h_pct", N_("First signal within 48 hours"),
    N_("Sign-ups showing a first sign of use within 48 hours, in percent, at least"),
    60, 0, 100, 1, 0, FALSE },
  { "target_ttfv_days", N_("Time to first value"),
    N_("Median days from sign-up to the first value, at most"),
    7, 0, 365, 1, 0, TRUE },
  { "target_at_risk_pct", N_("Customers at risk"),
    N_("Share of customers whose health is red, in percent, at most"),
    10, 0, 100, 1, 0, TRUE },
  { "target_clv_cac_ratio", N_("Lifetime value to acquisition cost"),
    N_("Customer lifetime value divided by the cost of winning the customer, for each channel, at least"),
    3, 0, 100, 0.5, 1, FALSE },
};

const char * const *
tenure_settings_get_currencies (void)
{
  return currencies;
}

const TenureNumberSetting *
tenure_settings_get_numbers (guint *n_numbers)
{
  if (n_numbers != NULL)
    *n_numbers = G_N_ELEMENTS (numbers);

  return numbers;
}

const TenureNumberSetting *
tenure_settings_lookup_number (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    if (g_strcmp0 (numbers[i].key, key) == 0)
      return &numbers[i];

  return NULL;
}

static gboolean
is_currency (const char *currency)
{
  return currency != NULL && g_strv_contains (currencies, currency);
}

static gboolean
is_in_range (const TenureNumberSetting *setting,
             double                     value)
{
  return isfinite (value) && value >= setting->minimum && value <= setting->maximum;
}

char *
tenure_settings_get_currency (TenureDb *db)
{
  g_autofree char *currency = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  currency = tenure_db_get_setting (db, TENURE_SETTINGS_CURRENCY_KEY, NULL);
  if (is_currency (currency))
    return g_steal_pointer (&currency);

  return g_strdup (currencies[0]);
}

gboolean
tenure_settings_set_currency (TenureDb    *db,
                              const char  *currency,
                              GError     **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_currency (currency))
    {
      g_set_error (error, TENURE_SETTINGS_ERROR, TENURE_SETTINGS_ERROR_INVALID,
                   _("“%s” is not a currency Tenure knows: choose EUR, USD, GBP, CHF or CAD"),
                   currency != NULL ? currency : "");
      return FALSE;
    }

  return tenure_db_set_setting (db, TENURE_SETTINGS_CURRENCY_KEY, currency, error);
}

double
tenure_settings_get_number (TenureDb   *db,
                            const char *key)
{
  const TenureNumberSetting *setting = tenure_settings_lookup_number (key);
  double value;

  g_return_val_if_fail (db != NULL, NAN);
  g_return_val_if_fail (setting != NULL, NAN);

  value = tenure_db_get_setting_double (db, key, setting->fallback);
  if (!is_in_range (setting, value))
    return setting->fallback;

  return value;
}

gboolean
tenure_settings_set_number (TenureDb    *db,
                            const char  *key,
                            double       value,
                            GError     **error)
{
  const TenureNumberSetting *setting = tenure_settings_lookup_number (key);
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  double rounded;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (setting == NULL)
    {
      g_set_error (error, TENURE_SETTINGS_ERROR, TENURE_SETTINGS_ERROR_INVALID,
                   _("“%s” is not a setting of the preferences"), key != NULL ? key : "");
      return FALSE;
    }

  if (!is_in_range (setting, value))
    {
      g_autofree char *minimum = g_strdup_printf ("%g", setting->minimum);
      g_autofree char *maximum = g_strdup_printf ("%g", setting->maximum);

      g_set_error (error, TENURE_SETTINGS_ERROR, TENURE_SETTINGS_ERROR_INVALID,
                   _("%s must be between %s and %s"),
                   _(setting->title), minimum, maximum);
      return FALSE;
    }

  /* Stored as text in the C locale, rounded to the digits the preferences show. */
  rounded = round (value * pow (10, setting->digits)) / pow (10, setting->digits);
  g_ascii_dtostr (text, sizeof text, rounded);

  return tenure_db_set_setting (db, key, text, error);
}
