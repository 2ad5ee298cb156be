/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Acquisition & value page: what each channel costs and brings, and groups side by side. */

#define G_LOG_DOMAIN "tenure-acquisition-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-acquisition-page.h"
#include "tenure-column-chart.h"
#include "tenure-date.h"
#include "tenure-metrics-groups.h"
#include "tenure-format.h"

struct _TenureAcquisitionPage
{
  TenurePage     parent_instance;

  TenureChart   *channel_chart;
  GtkGrid       *channel_grid;
  GtkGrid       *channels_grid;
  GtkLabel      *churn_detail;
  GtkLabel      *churn_value;
  GtkLabel      *clv_detail;
  GtkLabel      *clv_value;
  GtkLabel      *compare_label;
  GtkStack      *compare_stack;
  AdwStatusPage *error_page;
  GtkLabel      *new_detail;
  GtkLabel      *new_value;
  TenureChart   *segment_chart;
  GtkGrid       *segment_grid;
  GtkLabel      *spend_detail;
  GtkLabel      *spend_value;
  GtkStack      *stack;
  GtkLabel      *summary_label;
  TenureChart   *value_chart;
  GtkLabel      *value_label;
};

G_DEFINE_FINAL_TYPE (TenureAcquisitionPage, tenure_acquisition_page, TENURE_TYPE_PAGE)

typedef struct
{
  TenureMetrics *metrics;
  GPtrArray     *segments;
  GPtrArray     *channels;
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_pointer (&result->metrics, tenure_metrics_free);
  g_clear_pointer (&result->segments, g_ptr_array_unref);
  g_clear_pointer (&result->channels, g_ptr_array_unref);
  g_free (result);
}

/* Shows @text in the figure's labels, or "—" with @why as its tooltip. */
static void
set_figure (GtkLabel   *value,
            GtkLabel   *detail,
            const char *text,
            const char *explanation,
            const char *why)
{
  gtk_label_set_label (value, text != NULL ? text : "—");
  gtk_widget_set_tooltip_text (GTK_WIDGET (value), text != NULL ? explanation : why);
  gtk_label_set_label (detail, text != NULL ? explanation : why);
}

static char *
format_money (gint64      cents,
              const char *currency)
{
  if (cents == TENURE_CENTS_NULL)
    return g_strdup ("—");
  return tenure_format_money (cents, currency, TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
}

static char *
format_percent (double value)
{
  if (tenure_metrics_is_null (value))
    return g_strdup ("—");
  return tenure_format_percent (value, 1, TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
}

static char *
format_ratio (double value)
{
  if (tenure_metrics_is_null (value))
    return g_strdup ("—");
  return tenure_format_number (value, 1, TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
}

static char *
format_months (double value)
{
  if (tenure_metrics_is_null (value))
    return g_strdup ("—");
  return tenure_format_value (value, TENURE_UNIT_MONTHS, NULL, TENURE_FORMAT_NONE,
                              TENURE_LANGUAGE_DEFAULT);
}

static gpointer
load_figures (TenureDb             *db,
              const TenurePageLoad *load,
              GCancellable         *cancellable,
              GError              **error)
{
  LoadResult *result = g_new0 (LoadResult, 1);

  result->metrics = tenure_metrics_compute (db, load->month, &load->filter, cancellable, error);
  if (result->metrics != NULL)
    result->segments = tenure_metrics_compare_groups (db, load->month, TENURE_FILTER_SEGMENT,
                                                      cancellable, error);
  if (result->segments != NULL)
    result->channels = tenure_metrics_compare_groups (db, load->month, TENURE_FILTER_CHANNEL,
                                                      cancellable, error);
  if (result->channels == NULL)
    g_clear_pointer (&result, load_result_free);

  return result;
}

static void
show_figures (TenureAcquisitionPage *self,
              const TenureMetrics   *metrics)
{
  gint64 spend = 0;
  guint new_customers = 0;
  g_autofree char *clv = NULL;
  g_autofree char *spend_text = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *churn = NULL;

  for (guint i = 0; i < metrics->channels->len; i++)
    {
      const TenureChannelFigures *channel = g_ptr_array_index (metrics->channels, i);

      spend += channel->spend_cents;
      new_customers += channel->new_customers;
    }

  if (metrics->clv_cents != TENURE_CENTS_NULL)
    clv = format_money (metrics->clv_cents, metrics->currency);
  spend_text = format_money (spend, metrics->currency);
  new_text = tenure_format_count (new_customers);
  if (!tenure_metrics_is_null (metrics->avg_churn))
    churn = format_percent (metrics->avg_churn * 100);

  set_figure (self->clv_value, self->clv_detail, clv,
              _("The margin a customer brings over its whole life: revenue per customer × "
                "margin ÷ monthly churn"),
              _("No customer left in the last 12 months, or no customer this month: the "
                "lifetime cannot be estimated"));
  set_figure (self->spend_value, self->spend_detail, spend_text,
              _("Marketing and sales spend of the last 12 months, all channels"), NULL);
  set_figure (self->new_value, self->new_detail, new_text,
              _("Accounts that started paying in the last 12 months"), NULL);
  set_figure (self->churn_value, self->churn_detail, churn,
              _("Share of customers lost in a month, over the last 12 months"),
              _("No customer in the last 12 months"));
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
add_cell (GtkGrid    *grid,
          const char *text,
          const char *tooltip,
          int         column,
          int         row)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_widget_set_hexpand (label, column == 0);
  if (row == 0)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), column == 0 ? GTK_JUSTIFY_LEFT
                                                            : GTK_JUSTIFY_RIGHT);
      gtk_widget_add_css_class (label, "heading");
    }
  else if (column > 0)
    {
      gtk_widget_add_css_class (label, "numeric");
    }
  /* On X11, setting a tooltip asks the server where the pointer is: not for nothing. */
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (label, tooltip);
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static void
add_headings (GtkGrid            *grid,
              const char * const *headings,
              const char * const *tooltips)
{
  for (int i = 0; headings[i] != NULL; i++)
    add_cell (grid, _(headings[i]), _(tooltips[i]), i, 0);
}

static void
show_channels (TenureAcquisitionPage *self,
               const TenureMetrics   *metrics)
{
  static const char * const headings[] = {
    N_("Channel"), N_("Spend"), N_("New"), N_("CAC"), N_("CLV/CAC"), N_("Payback"), NULL
  };
  static const char * const tooltips[] = {
    N_("Where the customers came from"),
    N_("Spend of the last 12 months"),
    N_("New customers of the last 12 months"),
    N_("Customer acquisition cost: spend over new customers"),
    N_("The lifetime value of all customers over this channel’s acquisition cost"),
    N_("Months of margin that pay back the acquisition cost"),
  };

  clear_grid (self->channels_grid);
  add_headings (self->channels_grid, headings, tooltips);
  for (guint i = 0; i < metrics->channels->len; i++)
    {
      const TenureChannelFigures *channel = g_ptr_array_index (metrics->channels, i);
      int row = (int) i + 1;
      g_autofree char *spend = format_money (channel->spend_cents, metrics->currency);
      g_autofree char *new_customers = tenure_format_count (channel->new_customers);
      g_autofree char *cac = format_money (channel->cac_cents, metrics->currency);
      g_autofree char *ratio = format_ratio (channel->clv_cac_ratio);
      g_autofree char *payback = format_months (channel->payback_months);

      add_cell (self->channels_grid, channel->name, NULL, 0, row);
      add_cell (self->channels_grid, spend, NULL, 1, row);
      add_cell (self->channels_grid, new_customers, NULL, 2, row);
      add_cell (self->channels_grid, cac,
                channel->cac_cents == TENURE_CENTS_NULL ? _("No new customer") : NULL, 3, row);
      add_cell (self->channels_grid, ratio,
                tenure_metrics_is_null (channel->clv_cac_ratio)
                ? _("No acquisition cost, or no lifetime value") : NULL, 4, row);
      add_cell (self->channels_grid, payback, NULL, 5, row);
    }
}

/* Each channel's own CLV (its customers' revenue and churn) against its CAC. */
static void
show_value (TenureAcquisitionPage *self,
            GPtrArray             *channels,
            const char            *currency)
{
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_MONEY);
  const TenureGroupFigures *best = NULL;
  guint clv_series, cac_series;

  tenure_chart_data_set_currency (data, currency);
  clv_series = tenure_chart_data_add_series (data, _("Lifetime value"), TENURE_CHART_COLOR_GREEN);
  cac_series = tenure_chart_data_add_series (data, _("Acquisition cost"), TENURE_CHART_COLOR_RED);
  for (guint i = 0; i < channels->len; i++)
    {
      const TenureGroupFigures *group = g_ptr_array_index (channels, i);
      guint category = tenure_chart_data_add_category (data, group->name);

      tenure_chart_data_set_value (data, clv_series, category,
                                   group->clv_cents == TENURE_CENTS_NULL ? NAN
                                                                         : group->clv_cents);
      tenure_chart_data_set_value (data, cac_series, category,
                                   group->cac_cents == TENURE_CENTS_NULL ? NAN
                                                                         : group->cac_cents);
      if (!tenure_metrics_is_null (group->clv_cac_ratio) &&
          (best == NULL || group->clv_cac_ratio > best->clv_cac_ratio))
        best = group;
    }
  tenure_chart_set_data (self->value_chart, data);

  if (best != NULL)
    {
      g_autofree char *ratio = format_ratio (best->clv_cac_ratio);
      /* Translators: a channel, and how many times its customers are worth their cost;
       * "the table" is the table of channels below the chart */
      g_autofree char *text = g_strdup_printf (_("Customers from %s bring the most for what they "
                                                 "cost: their lifetime value is %s times their "
                                                 "acquisition cost. The chart uses each "
                                                 "channel’s own customers’ revenue and churn; "
                                                 "the table, the lifetime value of all "
                                                 "customers, as the report does."),
                                               best->name, ratio);

      gtk_label_set_label (self->value_label, text);
    }
  else
    {
      gtk_label_set_label (self->value_label,
                           _("No channel has both a lifetime value and an acquisition cost."));
    }
}

static void
show_groups (GtkGrid     *grid,
             TenureChart *chart,
             GPtrArray   *groups,
             const char  *first_heading,
             const char  *currency)
{
  static const char * const tooltips[] = {
    NULL,
    N_("Customers of a year ago still paying now"),
    /* xgettext:no-c-format */
    N_("Revenue kept from the customers of a year ago, with upgrades and downgrades; above "
       "100 % means they grow"),
    N_("Share of customers lost in a month, on average over the last 12 months"),
    N_("Customer lifetime value of the group: its revenue per customer, margin and churn"),
  };
  const char *headings[] = {
    first_heading, N_("Kept after 12 months"), N_("Revenue kept, 12 months"),
    N_("Monthly churn"), N_("Lifetime value"), NULL
  };
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_PERCENT);
  guint kept_series, nrr_series, churn_series;

  clear_grid (grid);
  for (int i = 0; headings[i] != NULL; i++)
    add_cell (grid, i == 0 ? headings[i] : _(headings[i]),
              tooltips[i] != NULL ? _(tooltips[i]) : NULL, i, 0);

  kept_series = tenure_chart_data_add_series (data, _("Customers kept after 12 months"),
                                              TENURE_CHART_COLOR_BLUE);
  nrr_series = tenure_chart_data_add_series (data, _("Revenue kept after 12 months"),
                                             TENURE_CHART_COLOR_GREEN);
  churn_series = tenure_chart_data_add_series (data, _("Monthly churn"),
                                               TENURE_CHART_COLOR_RED);

  for (guint i = 0; i < groups->len; i++)
    {
      const TenureGroupFigures *group = g_ptr_array_index (groups, i);
      int row = (int) i + 1;
      guint category = tenure_chart_data_add_category (data, group->name);
      g_autofree char *name = NULL;
      g_autofree char *kept = format_percent (group->logo_retention12_pct);
      g_autofree char *nrr = format_percent (group->nrr_trailing12_pct);
      g_autofree char *churn = format_percent (group->avg_churn_pct);
      g_autofree char *clv = format_money (group->clv_cents, currency);

      /* Translators: a group and its number of customers, on two lines */
      name = g_markup_printf_escaped (ngettext ("%s\n<small>%u customer</small>",
                                                "%s\n<small>%u customers</small>",
                                                group->customers),
                                      group->name, group->customers);
      add_cell (grid, name, NULL, 0, row);
      gtk_label_set_use_markup (GTK_LABEL (gtk_grid_get_child_at (grid, 0, row)), TRUE);
      add_cell (grid, kept, group->customers_year_ago == 0 ? _("No customer a year ago") : NULL,
                1, row);
      add_cell (grid, nrr, tenure_metrics_is_null (group->nrr_trailing12_pct)
                           ? _("No customer a year ago") : NULL, 2, row);
      add_cell (grid, churn, tenure_metrics_is_null (group->avg_churn_pct)
                             ? _("No customer in the last 12 months") : NULL, 3, row);
      add_cell (grid, clv, group->clv_cents == TENURE_CENTS_NULL
                           ? _("No churn or no customer: the lifetime cannot be estimated")
                           : NULL, 4, row);

      tenure_chart_data_set_value (data, kept_series, category, group->logo_retention12_pct);
      tenure_chart_data_set_value (data, nrr_series, category, group->nrr_trailing12_pct);
      tenure_chart_data_set_value (data, churn_series, category, group->avg_churn_pct);
    }

  tenure_chart_set_data (chart, data);
}

static void
loaded_cb (TenurePage           *page,
           const TenurePageLoad *load,
           gpointer              result,
           const GError         *error)
{
  TenureAcquisitionPage *self = TENURE_ACQUISITION_PAGE (page);
  const LoadResult *loaded = result;

  if (error != NULL)
    tenure_page_show_error (self->stack, self->error_page, error);
  else if (loaded->metrics->channels->len == 0 && loaded->channels->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      const char *currency = loaded->metrics->currency;
      g_autofree char *summary = tenure_page_format_summary (load);

      gtk_label_set_label (self->summary_label, summary);
      show_figures (self, loaded->metrics);
      show_channels (self, loaded->metrics);
      show_value (self, loaded->channels, currency);
      show_groups (self->segment_grid, self->segment_chart, loaded->segments, _("Segment"),
                   currency);
      show_groups (self->channel_grid, self->channel_chart, loaded->channels, _("Channel"),
                   currency);
      gtk_label_set_label (self->compare_label,
                           load->filter.kind != TENURE_FILTER_NONE
                           ? _("The channels’ value and the groups side by side cover every "
                               "account, whatever the filter.")
                           : _("Each group is computed on its own accounts, as the dashboard "
                               "does when filtered on it."));
      gtk_stack_set_visible_child_name (self->stack, "content");
    }
}

static void
tenure_acquisition_page_reload (TenurePage *page)
{
  tenure_page_load_in_thread (page, load_figures, NULL, NULL, load_result_free, loaded_cb);
}

static void
tenure_acquisition_page_dispose (GObject *object)
{
  /* AdwBin unparents its child itself: let it go before the template does. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TENURE_TYPE_ACQUISITION_PAGE);

  G_OBJECT_CLASS (tenure_acquisition_page_parent_class)->dispose (object);
}

static void
tenure_acquisition_page_class_init (TenureAcquisitionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TenurePageClass *page_class = TENURE_PAGE_CLASS (klass);

  object_class->dispose = tenure_acquisition_page_dispose;

  page_class->reload = tenure_acquisition_page_reload;

  g_type_ensure (TENURE_TYPE_COLUMN_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tenure-acquisition-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TenureAcquisitionPage, channel_chart);
  gtk_widget_class_bind_template_child (widget_class, TenureAcquisitionPage, channel_grid);
  gtk_widget_class_bind_template_child (widget_class, TenureAcquisitionPage, channels_grid);
  gtk_widget_class_bind_template_child (widget_class, TenureAcquisitionPage, churn_detail);
  gtk_widget_class_bind_template_child (widget_class, TenureAcquisitionPage, churn_value);
  gtk_widget_class_bind_template_child (widget_class, TenureAcquisitionPage, clv_detail);
  gtk_widget_class_bind_template_child (widget_class, TenureAcquisitionPage, clv_value);
  gtk_widget_class_bind_template_child (widget_class, TenureAcquisitionPage, compare_label);
  gtk_widget_class_bind_template_child (widget_class, TenureAcquisitionPage, compare_stack);
  gtk_widget_class_bind_template_child (widget_class, TenureAcquisitionPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TenureAcquisitionPage, new_detail);
  gtk_widget_class_bind_template_child (widget_class, TenureAcquisitionPage, new_value);
  gtk_widget_class_bind_template_child (widget_class, TenureAcquisitionPage, segment_chart);
  gtk_widget_class_bind_template_child (widget_class, TenureAcquisitionPage, segment_grid);
  gtk_widget_class_bind_template_child (widget_class, TenureAcquisitionPage, spend_detail);
  gtk_widget_class_bind_template_child (widget_class, TenureAcquisitionPage, spend_value);
  gtk_widget_class_bind_template_child (widget_class, TenureAcquisitionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TenureAcquisitionPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TenureAcquisitionPage, value_chart);
  gtk_widget_class_bind_template_child (widget_class, TenureAcquisitionPage, value_label);
}

static void
tenure_acquisition_page_init (TenureAcquisitionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  tenure_chart_set_title (self->value_chart,
                          _("Lifetime value against acquisition cost, by channel"));
  tenure_chart_set_empty_text (self->value_chart, _("No channel brought customers"));
  tenure_chart_set_title (self->segment_chart, _("Retention by segment"));
  tenure_chart_set_empty_text (self->segment_chart, _("No account has a segment"));
  tenure_chart_set_title (self->channel_chart, _("Retention by channel"));
  tenure_chart_set_empty_text (self->channel_chart, _("No customer in these channels"));
}
