/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tenure-cli metrics: every figure of a month, as JSON or as a readable summary. */

#define G_LOG_DOMAIN "tenure-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "tenure-cli.h"
#include "tenure-date.h"
#include "tenure-health.h"
#include "tenure-metrics.h"

#define NULL_FIGURE "—"

static char *
format_money (gint64      cents,
              const char *currency)
{
  gint64 magnitude;

  if (cents == TENURE_CENTS_NULL)
    return g_strdup (NULL_FIGURE);

  magnitude = cents < 0 ? -cents : cents;
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d %s", cents < 0 ? "−" : "",
                          magnitude / 100, (int) (magnitude % 100), currency);
}

static char *
format_pct (double value)
{
  if (tenure_metrics_is_null (value))
    return g_strdup (NULL_FIGURE);
  return g_strdup_printf ("%.1f %%", value);
}

static char *
format_number (double value,
               int    decimals)
{
  if (tenure_metrics_is_null (value))
    return g_strdup (NULL_FIGURE);
  return g_strdup_printf ("%.*f", decimals, value);
}

static char *
format_count (gint64 value)
{
  if (value == TENURE_CENTS_NULL)
    return g_strdup (NULL_FIGURE);
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* Takes ownership of @value. */
static void
print_row (const char *label,
           char       *value)
{
  g_autofree char *owned = value;
  glong width = g_utf8_strlen (label, -1);

  g_print ("  %s%*s %s\n", label, (int) MAX (1, 36 - width), "", owned);
}

static void
print_summary (const TenureMetrics *m,
               const TenureFilter  *filter)
{
  const TenureMonthFigures *f = &m->figures;
  const char *cur = m->currency;
  g_autofree char *group = tenure_filter_describe (filter);
  char month[TENURE_MONTH_BUF];

  tenure_month_format (m->month, month);
  g_print (_("Metrics for %s — %s\n"), month, group);

  g_print ("\n%s\n", _("Revenue"));
  print_row (_("MRR"), format_money (f->mrr_cents, cur));
  print_row (_("Customers"), format_count (f->customers));
  print_row (_("Average revenue per account"), format_money (f->arpa_cents, cur));
  print_row (_("New"), format_money (f->new_cents, cur));
  print_row (_("Reactivation"), format_money (f->reactivation_cents, cur));
  print_row (_("Expansion"), format_money (f->expansion_cents, cur));
  print_row (_("Contraction"), format_money (f->contraction_cents, cur));
  print_row (_("Churn"), format_money (f->churn_cents, cur));
  print_row (_("New customers"), format_count (f->new_customers));
  print_row (_("Reactivated customers"), format_count (f->reactivated_customers));
  print_row (_("Churned customers"), format_count (f->churned_customers));

  g_print ("\n%s\n", _("Retention"));
  print_row (_("Logo churn"), format_pct (f->logo_churn_pct));
  print_row (_("Revenue churn"), format_pct (f->revenue_churn_pct));
  print_row (_("Gross revenue retention"), format_pct (f->grr_pct));
  print_row (_("Net revenue retention"), format_pct (f->nrr_pct));
  print_row (_("Net revenue retention, 12 months"), format_pct (f->nrr_trailing12_pct));

  g_print ("\n%s\n", _("Value and acquisition"));
  print_row (_("Customer lifetime value"), format_money (m->clv_cents, cur));
  for (guint i = 0; i < m->channels->len; i++)
    {
      const TenureChannelFigures *c = g_ptr_array_index (m->channels, i);
      g_autofree char *spend = format_money (c->spend_cents, cur);
      g_autofree char *cac = format_money (c->cac_cents, cur);
      g_autofree char *ratio = format_number (c->clv_cac_ratio, 2);
      g_autofree char *payback = format_number (c->payback_months, 1);
      g_autofree char *label = g_strdup_printf (_("Channel %s"), c->name);

      print_row (label,
                 /* Translators: spend, new customers, acquisition cost, CLV/CAC, payback */
                 g_strdup_printf (_("spend %s, %u new, CAC %s, CLV/CAC %s, payback %s months"),
                                  spend, c->new_customers, cac, ratio, payback));
    }

  g_print ("\n%s\n", _("Satisfaction"));
  {
    g_autofree char *nps = format_number (f->nps_score, 1);
    g_autofree char *cli = format_number (f->cli_score, 1);

    print_row (_("NPS (responses)"), g_strdup_printf ("%s (%u)", nps, f->nps_responses));
    print_row (_("Customer loyalty index (responses)"),
               g_strdup_printf ("%s (%u)", cli, f->cli_responses));
  }

  g_print ("\n%s\n", _("Jobs and activation"));
  print_row (_("Signups, TAJ 0 / 1–3 / 4+"), g_strdup_printf ("%u / %u / %u", f->taj_bucket_0,
                                                            f->taj_bucket_1_3,
                                                            f->taj_bucket_4_plus));
  print_row (_("Signal within 48 hours"), format_pct (f->signal48h_pct));
  print_row (_("Median time to first value (days)"), format_number (f->ttfv_median_days, 1));
  print_row (_("Reached first value"), format_pct (f->ttfv_reached_pct));

  g_print ("\n%s\n", _("Health"));
  for (guint b = 0; b < TENURE_HEALTH_N_BANDS; b++)
    {
      g_autofree char *churned = format_pct (m->backtest_churned_pct[b]);

      print_row (tenure_health_band_name (b),
                 /* Translators: accounts now; back-test: accounts 3 months ago, churned since */
                 g_strdup_printf (_("%u accounts (back-test: %u accounts, %s churned)"),
                                  m->health_accounts[b], m->backtest_accounts[b], churned));
    }
  {
    g_autofree char *pct = format_pct (m->dormant_pct);
    g_autofree char *mrr = format_money (m->dormant_mrr_cents, cur);

    print_row (_("Dormant paying accounts"),
               g_strdup_printf ("%u (%s, %s)", m->dormant_accounts, pct, mrr));
  }

  g_print ("\n%s\n", _("Lifecycle"));
  print_row (_("Awareness (leads)"), format_count (m->funnel_awareness));
  print_row (_("Conversion (signups)"), format_count (m->funnel_conversion));
  print_row (_("Purchase"), format_count (m->funnel_purchase));
  print_row (_("Activation"), format_count (m->funnel_activation));
  print_row (_("Renewal"), format_count (m->funnel_renewal));
  print_row (_("Recommendation"), format_count (m->funnel_recommendation));

  g_print ("\n%s\n", _("Cohorts (logo retention)"));
  for (guint c = 0; c < m->cohorts->n_cohorts; c++)
    {
      const TenureCohort *cohort = &m->cohorts->cohorts[c];
      g_autoptr(GString) row = g_string_new (NULL);
      char label[TENURE_MONTH_BUF];

      tenure_month_format (cohort->cohort, label);
      g_string_append_printf (row, "%s (%u)%s", label, cohort->size,
                              cohort->small ? " *" : "");
      g_print ("  %-16s", row->str);
      for (guint age = 0; age < cohort->n_ages; age++)
        g_print (" %5.1f", cohort->logo_pct[age]);
      g_print ("\n");
    }
  for (guint c = 0; c < m->cohorts->n_cohorts; c++)
    {
      if (m->cohorts->cohorts[c].small)
        {
          g_print ("  %s\n", _("* fewer than 10 accounts"));
          break;
        }
    }
}

int
tenure_cli_metrics (int    argc,
                    char **argv)
{
  g_autofree char *month_text = NULL;
  g_autofree char *segment = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *channel = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month_text, N_("The month"), N_("YYYY-MM") },
    { "segment", 0, 0, G_OPTION_ARG_STRING, &segment, N_("Only the accounts of a segment"),
      N_("SEGMENT") },
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan, N_("Only the accounts of a plan"), N_("PLAN") },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel,
      N_("Only the accounts of an acquisition channel"), N_("CHANNEL") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the figures as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("WORKSPACE"));
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(TenureMetrics) metrics = NULL;
  g_autoptr(GError) error = NULL;
  TenureFilter filter;
  int status = TENURE_EXIT_OK;
  int month;

  g_option_context_set_summary (context, _("Print every figure of a month."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!tenure_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return tenure_cli_usage_error (context, _("give exactly one workspace file"));
  if (!tenure_cli_parse_month (context, month_text, &month, &status))
    return status;
  if (!tenure_filter_parse (segment, plan, channel, &filter, &error))
    return tenure_cli_usage_error (context, "%s", error->message);

  db = tenure_cli_open_workspace (argv[1], TENURE_DB_OPEN_READ_ONLY, &status);
  if (db == NULL)
    return status;

  tenure_cli_warn_empty_group (db, &filter);
  metrics = tenure_metrics_compute (db, month, &filter, NULL, &error);
  if (metrics == NULL)
    return tenure_cli_refuse (error);

  if (json)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = tenure_metrics_to_json (metrics);
      g_autofree char *text = NULL;

      json_generator_set_pretty (generator, TRUE);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
    }
  else
    print_summary (metrics, &filter);

  return TENURE_EXIT_OK;
}
