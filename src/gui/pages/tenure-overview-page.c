/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The month at a glance: key figures with their trends, the MRR bridge and the lifecycle. */

#define G_LOG_DOMAIN "tenure-overview-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tenure-accounts-page.h"
#include "tenure-dashboard.h"
#include "tenure-kpi-card.h"
#include "tenure-overview-page.h"
#include "tenure-sparkline.h"
#include "tenure-waterfall-chart.h"
#include "tenure-window.h"
#include "tenure-format.h"

struct _TenureOverviewPage
{
  TenurePage     parent_instance;

  GtkStack      *stack;
  AdwStatusPage *error_page;
  GtkFlowBox    *cards_box;
  GtkWidget     *bridge_chart;
  GtkLabel      *lifecycle_title;
  GtkListBox    *lifecycle_list;

  GtkWidget     *cards[TENURE_OVERVIEW_N_CARDS];

  /* A row per stage of the lifecycle: its count, its rate and their trend. */
  GtkWidget     *stage_rows[TENURE_N_STAGES];
  GtkLabel      *stage_counts[TENURE_N_STAGES];
  GtkLabel      *stage_rates[TENURE_N_STAGES];
  GtkWidget     *stage_trends[TENURE_N_STAGES];
};

/* The stages of the lifecycle as a manager reads them. The rate of a stage is over
 * what it comes from (TenureLifecycle); the trend follows the rate, or the leads for
 * awareness, which has none. */
static const struct
{
  const char *title;
  const char *explanation;
  const char *rate_null;       /* why the rate is missing */
  const char *trend;           /* the trend's series */
  TenureChartColor color;
} stages[TENURE_N_STAGES] = {
  [TENURE_STAGE_AWARENESS] = {
    N_("Awareness"),
    N_("Leads your marketing brought in this month, from the leads column of the spend file"),
    NULL, N_("Leads"), TENURE_CHART_COLOR_BLUE },
  [TENURE_STAGE_CONVERSION] = {
    N_("Conversion"), N_("Accounts that signed up this month"),
    N_("No leads recorded this month"), N_("Signups as a share of leads"),
    TENURE_CHART_COLOR_BLUE },
  [TENURE_STAGE_PURCHASE] = {
    N_("Purchase"),
    /* xgettext:no-c-format */
    N_("Accounts that paid for the first time this month; some signed up earlier, so this "
       "can pass 100 % of signups"),
    N_("No signup this month"), N_("New customers against signups"),
    TENURE_CHART_COLOR_GREEN },
  [TENURE_STAGE_ACTIVATION] = {
    N_("Activation"), N_("Accounts signing up this month that completed a job within 30 days"),
    N_("No signup this month"), N_("Share of signups activated"),
    TENURE_CHART_COLOR_GREEN },
  [TENURE_STAGE_RENEWAL] = {
    N_("Renewal"), N_("Customers who have been paying for a year or more"),
    N_("No customers this month"),
    N_("Share of customers paying for a year or more"), TENURE_CHART_COLOR_PURPLE },
  [TENURE_STAGE_RECOMMENDATION] = {
    N_("Recommendation"),
    N_("Customers who answered 9 or 10 when asked whether they would recommend you (promoters)"),
    N_("No NPS answer this month"), N_("Share of answers from promoters"),
    TENURE_CHART_COLOR_PURPLE },
};

G_DEFINE_FINAL_TYPE (TenureOverviewPage, tenure_overview_page, TENURE_TYPE_PAGE)

static double
get_mrr (const TenureMonthFigures *figures)
{
  return (double) figures->mrr_cents;
}

static double
get_nrr (const TenureMonthFigures *figures)
{
  return figures->nrr_pct;
}

static double
get_logo_churn (const TenureMonthFigures *figures)
{
  return figures->logo_churn_pct;
}

static double
get_nps (const TenureMonthFigures *figures)
{
  return figures->nps_score;
}

static double
get_taj (const TenureMonthFigures *figures)
{
  return figures->taj_4_plus_pct;
}

static double
get_signal48h (const TenureMonthFigures *figures)
{
  return figures->signal48h_pct;
}

/* The cards of figures the series carry: their trend, what they mean, and why they are
 * missing when they are null (in the order of TenureOverviewCard). */
static const struct
{
  TenureUnit          unit;
  const char         *trend;
  TenureChartColor    color;
  TenureFigureGetter  get;
  const char         *explanation;
  const char         *missing;
} series_cards[TENURE_OVERVIEW_SIGNAL48H + 1] = {
  [TENURE_OVERVIEW_MRR] = {
    TENURE_UNIT_MONEY, N_("MRR"), TENURE_CHART_COLOR_BLUE, get_mrr,
    N_("Monthly recurring revenue: what all customers pay each month for their "
       "subscriptions, at the end of the month"),
    NULL },
  [TENURE_OVERVIEW_NRR] = {
    TENURE_UNIT_PERCENT, N_("NRR"), TENURE_CHART_COLOR_GREEN, get_nrr,
    /* xgettext:no-c-format */
    N_("Net revenue retention: revenue kept from last month’s customers, "
       "including upgrades and downgrades; above 100 % means they grow"),
    N_("No customers last month: there is no revenue to retain") },
  [TENURE_OVERVIEW_LOGO_CHURN] = {
    TENURE_UNIT_PERCENT, N_("Logo churn"), TENURE_CHART_COLOR_RED, get_logo_churn,
    N_("Logo churn: the share of last month’s customers who stopped paying this month"),
    N_("No customers last month: nobody could leave") },
  [TENURE_OVERVIEW_NPS] = {
    TENURE_UNIT_COUNT, N_("NPS"), TENURE_CHART_COLOR_PURPLE, get_nps,
    N_("Net promoter score: the share of customers who would recommend you "
       "minus those who would not, from −100 to +100"),
    N_("No NPS answer this month") },
  [TENURE_OVERVIEW_TAJ] = {
    TENURE_UNIT_PERCENT, N_("More than 3 jobs"), TENURE_CHART_COLOR_BLUE, get_taj,
    N_("New accounts that completed more than 3 jobs in their first 30 days: "
       "those customers stay much longer"),
    N_("No account signed up in the last 3 months") },
  [TENURE_OVERVIEW_SIGNAL48H] = {
    TENURE_UNIT_PERCENT, N_("48-hour signal"), TENURE_CHART_COLOR_GREEN, get_signal48h,
    N_("New accounts that used the product within 48 hours of signing up: an "
       "early sign they will stay"),
    N_("No account signed up this month") },
};

static void
set_card (TenureOverviewPage *self,
          TenureOverviewCard  card,
          const char         *value,
          const char         *detail,
          const char         *explanation,
          TenureChartData    *trend)
{
  TenureKpiCard *kpi = TENURE_KPI_CARD (self->cards[card]);

  tenure_kpi_card_set_value (kpi, value);
  tenure_kpi_card_set_detail (kpi, detail);
  tenure_kpi_card_set_explanation (kpi, explanation);
  tenure_kpi_card_set_trend (kpi, trend);
}

/* A card of series_cards: @value (NULL for the figure as a percentage), @detail, the
 * explanation and the trend. */
static void
set_series_card (TenureOverviewPage  *self,
                 const TenureMetrics *metrics,
                 TenureOverviewCard   card,
                 const char          *value,
                 const char          *detail)
{
  double figure = series_cards[card].get (&metrics->figures);
  g_autoptr(TenureChartData) trend = NULL;
  g_autofree char *percent = NULL;

  trend = tenure_dashboard_trend (metrics, series_cards[card].unit, _(series_cards[card].trend),
                                  series_cards[card].color, series_cards[card].get);
  if (value == NULL)
    value = percent = tenure_dashboard_format_percent (figure, TENURE_FORMAT_NONE);
  set_card (self, card, value, detail,
            tenure_metrics_is_null (figure) && series_cards[card].missing != NULL
              ? _(series_cards[card].missing) : _(series_cards[card].explanation),
            trend);
}

static void
fill_revenue_cards (TenureOverviewPage  *self,
                    const TenureMetrics *metrics)
{
  const TenureMonthFigures *now = &metrics->figures;
  const TenureMetricsSeries *series = metrics->series;
  const TenureMonthFigures *before = series->n_months > 1
                                       ? &series->months[series->n_months - 2] : NULL;
  g_autofree char *mrr = tenure_dashboard_format_money (now->mrr_cents, metrics->currency,
                                                        TENURE_FORMAT_NONE);
  g_autofree char *mrr_detail = NULL;
  g_autofree char *grr = tenure_dashboard_format_percent (now->grr_pct, TENURE_FORMAT_NONE);
  g_autofree char *nrr_detail = NULL;
  g_autofree char *churn_detail = NULL;

  if (before != NULL && before->mrr_cents > 0)
    {
      g_autofree char *change = tenure_format_money (now->mrr_cents - before->mrr_cents,
                                                     metrics->currency, TENURE_FORMAT_SIGN,
                                                     TENURE_LANGUAGE_DEFAULT);
      g_autofree char *pct = tenure_format_percent (100.0 * (now->mrr_cents - before->mrr_cents) /
                                                      before->mrr_cents,
                                                    1, TENURE_FORMAT_SIGN,
                                                    TENURE_LANGUAGE_DEFAULT);

      /* Translators: the change of MRR in money and percent, e.g.
       * "+1,200 € (+2.1 %) vs last month" */
      mrr_detail = g_strdup_printf (_("%s (%s) vs last month"), change, pct);
    }
  else
    mrr_detail = g_strdup (_("No revenue last month to compare with"));
  set_series_card (self, metrics, TENURE_OVERVIEW_MRR, mrr, mrr_detail);

  /* Translators: %s is the gross revenue retention, a percentage */
  nrr_detail = g_strdup_printf (_("Gross retention %s"), grr);
  set_series_card (self, metrics, TENURE_OVERVIEW_NRR, NULL, nrr_detail);

  churn_detail = g_strdup_printf (ngettext ("%u customer lost", "%u customers lost",
                                            now->churned_customers),
                                  now->churned_customers);
  set_series_card (self, metrics, TENURE_OVERVIEW_LOGO_CHURN, NULL, churn_detail);
}

static void
fill_customer_cards (TenureOverviewPage  *self,
                     const TenureMetrics *metrics)
{
  const TenureMonthFigures *now = &metrics->figures;
  g_autofree char *nps = NULL;
  g_autofree char *nps_detail = NULL;
  g_autofree char *taj_detail = NULL;
  g_autofree char *signal_detail = NULL;
  guint taj_total = now->taj_bucket_0 + now->taj_bucket_1_3 + now->taj_bucket_4_plus;

  nps = tenure_metrics_is_null (now->nps_score)
          ? g_strdup ("—")
          : tenure_format_number (now->nps_score, 0, TENURE_FORMAT_SIGN,
                                  TENURE_LANGUAGE_DEFAULT);
  nps_detail = g_strdup_printf (ngettext ("%u answer this month", "%u answers this month",
                                          now->nps_responses),
                                now->nps_responses);
  set_series_card (self, metrics, TENURE_OVERVIEW_NPS, nps, nps_detail);

  taj_detail = g_strdup_printf (ngettext ("of %u new account of the last 3 months",
                                          "of %u new accounts of the last 3 months",
                                          taj_total),
                                taj_total);
  set_series_card (self, metrics, TENURE_OVERVIEW_TAJ, NULL, taj_detail);

  signal_detail = g_strdup_printf (ngettext ("of %u signup this month",
                                             "of %u signups this month", now->signups),
                                   now->signups);
  set_series_card (self, metrics, TENURE_OVERVIEW_SIGNAL48H, NULL, signal_detail);
}

/* A count over the months of the health trend, as chart data. */
static TenureChartData *
health_trend (const TenureHealthTrend *health,
              const guint             *counts,
              const char              *name,
              TenureChartColor         color)
{
  TenureChartData *data = tenure_chart_data_new (TENURE_UNIT_COUNT);
  guint series;

  tenure_chart_data_add_months (data, health->first_month, health->n_months,
                                TENURE_LANGUAGE_DEFAULT);
  series = tenure_chart_data_add_series (data, name, color);
  for (guint i = 0; i < health->n_months; i++)
    tenure_chart_data_set_value (data, series, i, counts[i]);

  return data;
}

static void
fill_health_cards (TenureOverviewPage      *self,
                   const TenureMetrics     *metrics,
                   const TenureHealthTrend *health)
{
  g_autoptr(TenureChartData) red_trend = health_trend (health, health->red_accounts,
                                                       _("Customers at risk"),
                                                       TENURE_CHART_COLOR_RED);
  g_autoptr(TenureChartData) dormant_trend = health_trend (health, health->dormant_accounts,
                                                           _("Dormant customers"),
                                                           TENURE_CHART_COLOR_ORANGE);
  const TenureMonthFigures *now = &metrics->figures;
  guint red = metrics->health_accounts[TENURE_HEALTH_RED];
  g_autofree char *at_risk = tenure_format_count (red);
  g_autofree char *at_risk_detail = NULL;
  g_autofree char *dormant = tenure_format_count (metrics->dormant_accounts);
  g_autofree char *dormant_pct = tenure_dashboard_format_percent (metrics->dormant_pct,
                                                                  TENURE_FORMAT_NONE);
  g_autofree char *dormant_mrr = tenure_dashboard_format_money (metrics->dormant_mrr_cents,
                                                                metrics->currency,
                                                                TENURE_FORMAT_NONE);
  g_autofree char *dormant_detail = NULL;

  /* Translators: the customers of the month and those in the amber band, e.g. "of 414
   * customers · 98 to watch" */
  at_risk_detail = g_strdup_printf (ngettext ("of %u customer · %u to watch",
                                              "of %u customers · %u to watch",
                                              now->customers),
                                    now->customers, metrics->health_accounts[TENURE_HEALTH_AMBER]);
  set_card (self, TENURE_OVERVIEW_AT_RISK, at_risk, at_risk_detail,
            _("Customers whose health score is red (amber: to watch): little use, few jobs "
              "done, unhappy answers or shrinking revenue; talk to them first"),
            red_trend);

  /* Translators: the share of customers and their MRR, e.g. "4.2 % of customers · 3,100 €" */
  dormant_detail = g_strdup_printf (_("%s of customers · %s"), dormant_pct, dormant_mrr);
  set_card (self, TENURE_OVERVIEW_DORMANT, dormant, dormant_detail,
            _("Silent attrition: paying customers with no session in the last 30 days of "
              "the month, and the recurring revenue they bring"),
            dormant_trend);
}

static void
fill_bridge (TenureOverviewPage  *self,
             const TenureMetrics *metrics)
{
  const TenureMonthFigures *now = &metrics->figures;
  const TenureMetricsSeries *series = metrics->series;
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_MONEY);
  gint64 start = series->n_months > 1 ? series->months[series->n_months - 2].mrr_cents : 0;
  const double values[] = {
    (double) start,
    (double) now->new_cents,
    (double) now->reactivation_cents,
    (double) now->expansion_cents,
    (double) now->contraction_cents,
    (double) now->churn_cents,
    (double) now->mrr_cents,
  };
  const char *labels[] = {
    N_("Start"), N_("New"), N_("Reactivation"), N_("Expansion"), N_("Contraction"),
    N_("Churn"), N_("End"),
  };
  g_autofree char *month = tenure_format_month (metrics->month, TENURE_LANGUAGE_DEFAULT);
  g_autofree char *title = NULL;

  tenure_chart_data_set_currency (data, metrics->currency);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    tenure_chart_data_add_category (data, _(labels[i]));
  tenure_chart_data_add_series (data, _("MRR"), TENURE_CHART_COLOR_AUTO);
  tenure_chart_data_set_values (data, 0, values, G_N_ELEMENTS (values));

  /* Translators: %s is a month, e.g. "October 2026" */
  title = g_strdup_printf (_("How MRR moved in %s"), month);
  tenure_chart_set_title (TENURE_CHART (self->bridge_chart), title);
  tenure_chart_set_data (TENURE_CHART (self->bridge_chart), data);
}

/* "12.5 % of leads": the rate of @stage and what it is a share of. */
static char *
format_rate (TenureStage  stage,
             const char  *percent)
{
  switch (stage)
    {
    case TENURE_STAGE_CONVERSION:
      /* Translators: %s is a percentage, e.g. "1.7 % of leads" */
      return g_strdup_printf (_("%s of leads"), percent);
    case TENURE_STAGE_PURCHASE:
    case TENURE_STAGE_ACTIVATION:
      /* Translators: %s is a percentage */
      return g_strdup_printf (_("%s of signups"), percent);
    case TENURE_STAGE_RENEWAL:
      /* Translators: %s is a percentage */
      return g_strdup_printf (_("%s of customers"), percent);
    case TENURE_STAGE_RECOMMENDATION:
      /* Translators: %s is a percentage */
      return g_strdup_printf (_("%s of answers"), percent);
    case TENURE_STAGE_AWARENESS:
    case TENURE_N_STAGES:
    default:
      return NULL;
    }
}

/* The stage's figure of each month of the series: the leads for awareness, else the rate. */
static TenureChartData *
stage_trend (const TenureMetrics *metrics,
             TenureStage          stage)
{
  const TenureMetricsSeries *series = metrics->series;
  TenureChartData *data;
  guint index;

  data = tenure_chart_data_new (stage == TENURE_STAGE_AWARENESS ? TENURE_UNIT_COUNT
                                                                : TENURE_UNIT_PERCENT);
  tenure_chart_data_add_months (data, series->first_month, series->n_months,
                                TENURE_LANGUAGE_DEFAULT);
  index = tenure_chart_data_add_series (data, _(stages[stage].trend), stages[stage].color);
  for (guint i = 0; i < series->n_months; i++)
    {
      const TenureLifecycle *lifecycle = &series->lifecycle[i];
      gint64 count = lifecycle->count[stage];

      tenure_chart_data_set_value (data, index, i,
                                   stage != TENURE_STAGE_AWARENESS ? lifecycle->rate_pct[stage]
                                   : count == TENURE_CENTS_NULL ? NAN : (double) count);
    }

  return data;
}

static void
fill_lifecycle (TenureOverviewPage  *self,
                const TenureMetrics *metrics)
{
  const TenureLifecycle *lifecycle = tenure_metrics_series_get_lifecycle (metrics->series,
                                                                          metrics->month);
  g_autofree char *month = tenure_format_month (metrics->month, TENURE_LANGUAGE_DEFAULT);
  g_autofree char *title = NULL;

  /* Translators: %s is a month, e.g. "October 2026" */
  title = g_strdup_printf (_("Customer lifecycle in %s"), month);
  gtk_label_set_text (self->lifecycle_title, title);

  for (guint s = 0; s < TENURE_N_STAGES; s++)
    {
      g_autoptr(TenureChartData) trend = stage_trend (metrics, s);
      g_autofree char *count = NULL;
      g_autofree char *rate = NULL;
      g_autofree char *percent = NULL;
      const char *rate_tooltip = NULL;

      count = lifecycle->count[s] == TENURE_CENTS_NULL
                ? g_strdup ("—")
                : tenure_format_number ((double) lifecycle->count[s], 0, TENURE_FORMAT_NONE,
                                        TENURE_LANGUAGE_DEFAULT);
      gtk_label_set_text (self->stage_counts[s], count);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->stage_counts[s]),
                                   lifecycle->count[s] == TENURE_CENTS_NULL
                                     ? _("No leads recorded this month: the spend file has no "
                                         "leads for it")
                                     : NULL);

      if (s != TENURE_STAGE_AWARENESS)
        {
          percent = tenure_dashboard_format_percent (lifecycle->rate_pct[s],
                                                     TENURE_FORMAT_NONE);
          rate = format_rate (s, percent);
          if (tenure_metrics_is_null (lifecycle->rate_pct[s]))
            rate_tooltip = _(stages[s].rate_null);
        }
      gtk_label_set_text (self->stage_rates[s], rate != NULL ? rate : "");
      gtk_widget_set_visible (GTK_WIDGET (self->stage_rates[s]), rate != NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->stage_rates[s]), rate_tooltip);

      tenure_chart_set_data (TENURE_CHART (self->stage_trends[s]), trend);
    }
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(TenureOverviewPage) self = user_data;
  g_autoptr(TenureDashboard) dashboard = NULL;
  const TenureMetrics *metrics;


  dashboard = tenure_dashboard_page_finish (TENURE_PAGE (self), result, self->stack,
                                            self->error_page);
  if (dashboard == NULL)
    return;

  metrics = dashboard->metrics;
  fill_revenue_cards (self, metrics);
  fill_customer_cards (self, metrics);
  fill_health_cards (self, metrics, dashboard->health);
  fill_bridge (self, metrics);
  fill_lifecycle (self, metrics);

  tenure_dashboard_page_show (TENURE_PAGE (self), result, self->stack);
}

static void
tenure_overview_page_reload (TenurePage *page)
{
  tenure_dashboard_page_reload (page, TENURE_OVERVIEW_PAGE (page)->stack, TRUE, load_cb);
}

static void
show_accounts_cb (TenureOverviewPage *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), TENURE_TYPE_WINDOW);

  TenurePage *page;

  if (window == NULL)
    return;

  /* The card counts dormant customers: show exactly those, so someone can call them. */
  tenure_window_show_page (TENURE_WINDOW (window), "accounts");
  page = tenure_window_get_visible_page (TENURE_WINDOW (window));
  if (TENURE_IS_ACCOUNTS_PAGE (page))
    tenure_accounts_page_show_dormant (TENURE_ACCOUNTS_PAGE (page));
}

static void
add_cards (TenureOverviewPage *self)
{
  static const char *titles[TENURE_OVERVIEW_N_CARDS] = {
    [TENURE_OVERVIEW_MRR] = N_("Recurring revenue"),
    [TENURE_OVERVIEW_NRR] = N_("Net revenue retention"),
    [TENURE_OVERVIEW_LOGO_CHURN] = N_("Customer churn"),
    [TENURE_OVERVIEW_NPS] = N_("Net promoter score"),
    [TENURE_OVERVIEW_TAJ] = N_("Active new accounts"),
    [TENURE_OVERVIEW_SIGNAL48H] = N_("48-hour signal"),
    [TENURE_OVERVIEW_AT_RISK] = N_("Customers at risk"),
    [TENURE_OVERVIEW_DORMANT] = N_("Dormant customers"),
  };
  GtkWidget *button;

  for (guint i = 0; i < TENURE_OVERVIEW_N_CARDS; i++)
    {
      self->cards[i] = tenure_kpi_card_new (_(titles[i]));
      tenure_chart_set_title (TENURE_CHART (tenure_kpi_card_get_sparkline (
                                TENURE_KPI_CARD (self->cards[i]))),
                              _(titles[i]));
      gtk_flow_box_append (self->cards_box, self->cards[i]);
    }

  button = gtk_button_new_with_mnemonic (_("_Show Accounts"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("Open the list of accounts"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (show_accounts_cb), self,
                           G_CONNECT_SWAPPED);
  tenure_kpi_card_set_extra (TENURE_KPI_CARD (self->cards[TENURE_OVERVIEW_DORMANT]), button);
}

static void
add_stage_rows (TenureOverviewPage *self)
{
  for (guint s = 0; s < TENURE_N_STAGES; s++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *figures = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *count = gtk_label_new (NULL);
      GtkWidget *rate = gtk_label_new (NULL);
      GtkWidget *trend = tenure_sparkline_new ();
      g_autofree char *trend_title = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(stages[s].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(stages[s].explanation));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

      gtk_widget_set_valign (figures, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (figures, 120, -1);
      gtk_label_set_xalign (GTK_LABEL (count), 1);
      gtk_widget_add_css_class (count, "title-4");
      gtk_widget_add_css_class (count, "numeric");
      gtk_label_set_xalign (GTK_LABEL (rate), 1);
      gtk_widget_add_css_class (rate, "caption");
      gtk_widget_add_css_class (rate, "dim-label");
      gtk_widget_add_css_class (rate, "numeric");
      gtk_box_append (GTK_BOX (figures), count);
      gtk_box_append (GTK_BOX (figures), rate);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), figures);

      /* Translators: the title of a stage's small trend, e.g. "Conversion over 12 months" */
      trend_title = g_strdup_printf (_("%s over 12 months"), _(stages[s].title));
      tenure_chart_set_title (TENURE_CHART (trend), trend_title);
      gtk_widget_set_size_request (trend, 96, 32);
      gtk_widget_set_valign (trend, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), trend);

      self->stage_rows[s] = row;
      self->stage_counts[s] = GTK_LABEL (count);
      self->stage_rates[s] = GTK_LABEL (rate);
      self->stage_trends[s] = trend;
      gtk_list_box_append (self->lifecycle_list, row);
    }
}

static void
tenure_overview_page_class_init (TenureOverviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  tenure_dashboard_page_class_init (TENURE_PAGE_CLASS (klass),
                                    RESOURCE_PREFIX "/ui/tenure-overview-page.ui",
                                    tenure_overview_page_reload);

  g_type_ensure (TENURE_TYPE_WATERFALL_CHART);

  gtk_widget_class_bind_template_child (widget_class, TenureOverviewPage, bridge_chart);
  gtk_widget_class_bind_template_child (widget_class, TenureOverviewPage, cards_box);
  gtk_widget_class_bind_template_child (widget_class, TenureOverviewPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TenureOverviewPage, lifecycle_list);
  gtk_widget_class_bind_template_child (widget_class, TenureOverviewPage, lifecycle_title);
  gtk_widget_class_bind_template_child (widget_class, TenureOverviewPage, stack);
}

static void
tenure_overview_page_init (TenureOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_cards (self);
  add_stage_rows (self);
}

/* The card of @card, a TenureKpiCard (for tests). */
GtkWidget *
tenure_overview_page_get_card (TenureOverviewPage *self,
                               TenureOverviewCard  card)
{
  g_return_val_if_fail (TENURE_IS_OVERVIEW_PAGE (self), NULL);
  g_return_val_if_fail (card < TENURE_OVERVIEW_N_CARDS, NULL);

  return self->cards[card];
}

GtkWidget *
tenure_overview_page_get_bridge_chart (TenureOverviewPage *self)
{
  g_return_val_if_fail (TENURE_IS_OVERVIEW_PAGE (self), NULL);

  return self->bridge_chart;
}

/* The lifecycle row of @stage: its count, its rate ("" for awareness) and the
 * TenureSparkline of its trend (for tests). */
const char *
tenure_overview_page_get_stage_count (TenureOverviewPage *self,
                                      TenureStage         stage)
{
  g_return_val_if_fail (TENURE_IS_OVERVIEW_PAGE (self), NULL);
  g_return_val_if_fail (stage < TENURE_N_STAGES, NULL);

  return gtk_label_get_text (self->stage_counts[stage]);
}

const char *
tenure_overview_page_get_stage_rate (TenureOverviewPage *self,
                                     TenureStage         stage)
{
  g_return_val_if_fail (TENURE_IS_OVERVIEW_PAGE (self), NULL);
  g_return_val_if_fail (stage < TENURE_N_STAGES, NULL);

  return gtk_label_get_text (self->stage_rates[stage]);
}

GtkWidget *
tenure_overview_page_get_stage_trend (TenureOverviewPage *self,
                                      TenureStage         stage)
{
  g_return_val_if_fail (TENURE_IS_OVERVIEW_PAGE (self), NULL);
  g_return_val_if_fail (stage < TENURE_N_STAGES, NULL);

  return self->stage_trends[stage];
}
