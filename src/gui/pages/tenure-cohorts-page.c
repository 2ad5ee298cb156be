/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Retention of the twelve latest signup cohorts, by customers or by revenue, as a heatmap. */

#define G_LOG_DOMAIN "tenure-cohorts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-cohorts-page.h"
#include "tenure-dashboard.h"
#include "tenure-heatmap.h"

struct _TenureCohortsPage
{
  TenurePage       parent_instance;

  GtkStack        *stack;
  AdwStatusPage   *error_page;
  GtkWidget       *heatmap;
  GtkLabel        *caption_label;
  GtkToggleButton *logo_button;
  GtkToggleButton *revenue_button;

  TenureMetrics   *metrics;
};

G_DEFINE_FINAL_TYPE (TenureCohortsPage, tenure_cohorts_page, TENURE_TYPE_PAGE)

/* Rows: the cohorts, oldest first, then the size-weighted "all cohorts" row; columns:
 * the ages 0 … n_ages − 1 in months. */
static void
show_matrix (TenureCohortsPage *self)
{
  const TenureCohortMatrix *matrix = self->metrics != NULL ? self->metrics->cohorts : NULL;
  gboolean revenue = tenure_cohorts_page_get_revenue (self);
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_PERCENT);
  guint all;

  tenure_chart_set_title (TENURE_CHART (self->heatmap),
                          revenue ? _("Revenue kept by each signup cohort")
                                  : _("Customers kept by each signup cohort"));
  if (matrix == NULL || matrix->n_cohorts == 0)
    {
      tenure_chart_set_data (TENURE_CHART (self->heatmap), data);
      return;
    }

  for (guint age = 0; age < matrix->n_ages; age++)
    {
      g_autofree char *label = g_strdup_printf ("%u", age);

      tenure_chart_data_add_category (data, label);
    }

  for (guint c = 0; c < matrix->n_cohorts; c++)
    {
      const TenureCohort *cohort = &matrix->cohorts[c];
      g_autofree char *month = tenure_format_month (cohort->cohort, TENURE_LANGUAGE_DEFAULT);
      /* Translators: a cohort and its size, e.g. "Oct 2026 (42)" */
      g_autofree char *name = g_strdup_printf (_("%s (%u)"), month, cohort->size);
      guint row = tenure_chart_data_add_series (data, name, TENURE_CHART_COLOR_AUTO);

      tenure_chart_data_set_series_flagged (data, row, cohort->small);
      for (guint age = 0; age < matrix->n_ages; age++)
        tenure_chart_data_set_value (data, row, age,
                                     age < cohort->n_ages
                                       ? (revenue ? cohort->revenue_pct[age]
                                                  : cohort->logo_pct[age])
                                       : NAN);
    }

  all = tenure_chart_data_add_series (data, _("All cohorts"), TENURE_CHART_COLOR_AUTO);
  for (guint age = 0; age < matrix->n_ages; age++)
    tenure_chart_data_set_value (data, all, age,
                                 revenue ? matrix->all_revenue_pct[age]
                                         : matrix->all_logo_pct[age]);

  tenure_chart_set_data (TENURE_CHART (self->heatmap), data);
}

static void
update_caption (TenureCohortsPage *self)
{
  gboolean revenue = tenure_cohorts_page_get_revenue (self);

  gtk_label_set_text (self->caption_label,
                      revenue
                        /* xgettext:no-c-format */
                        ? _("Each row is the accounts that signed up in a month; each column, "
                            "their recurring revenue that many months later against their "
                            "first month. Above 100 % means they pay more than at first.")
                        : _("Each row is the accounts that signed up in a month; each column, "
                            "the share of them still paying that many months later. The last "
                            "row weighs every cohort by its size."));
}

static void
view_toggled_cb (TenureCohortsPage *self,
                 GtkToggleButton   *button)
{
  /* Both buttons notify a switch; act once, on the one turned on. */
  if (!gtk_toggle_button_get_active (button))
    return;

  update_caption (self);
  show_matrix (self);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(TenureCohortsPage) self = user_data;
  g_autoptr(TenureDashboard) dashboard = NULL;

  dashboard = tenure_dashboard_page_finish (TENURE_PAGE (self), result, self->stack,
                                            self->error_page);
  if (dashboard == NULL)
    return;

  g_clear_pointer (&self->metrics, tenure_metrics_free);
  self->metrics = g_steal_pointer (&dashboard->metrics);
  show_matrix (self);

  tenure_dashboard_page_show (TENURE_PAGE (self), result, self->stack);
}

static void
tenure_cohorts_page_reload (TenurePage *page)
{
  tenure_dashboard_page_reload (page, TENURE_COHORTS_PAGE (page)->stack, FALSE, load_cb);
}

static void
tenure_cohorts_page_dispose (GObject *object)
{
  TenureCohortsPage *self = (TenureCohortsPage *)object;

  g_clear_pointer (&self->metrics, tenure_metrics_free);
  tenure_dashboard_page_dispose (object);
}

static void
tenure_cohorts_page_class_init (TenureCohortsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  tenure_dashboard_page_class_init (TENURE_PAGE_CLASS (klass),
                                    RESOURCE_PREFIX "/ui/tenure-cohorts-page.ui",
                                    tenure_cohorts_page_reload);
  G_OBJECT_CLASS (klass)->dispose = tenure_cohorts_page_dispose;

  g_type_ensure (TENURE_TYPE_HEATMAP);

  gtk_widget_class_bind_template_child (widget_class, TenureCohortsPage, caption_label);
  gtk_widget_class_bind_template_child (widget_class, TenureCohortsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TenureCohortsPage, heatmap);
  gtk_widget_class_bind_template_child (widget_class, TenureCohortsPage, logo_button);
  gtk_widget_class_bind_template_child (widget_class, TenureCohortsPage, revenue_button);
  gtk_widget_class_bind_template_child (widget_class, TenureCohortsPage, stack);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
}

static void
tenure_cohorts_page_init (TenureCohortsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  tenure_chart_set_x_title (TENURE_CHART (self->heatmap), _("Months after signup"));
  tenure_chart_set_empty_text (TENURE_CHART (self->heatmap),
                               _("No account signed up in the last 12 months"));
  update_caption (self);
}

GtkWidget *
tenure_cohorts_page_get_heatmap (TenureCohortsPage *self)
{
  g_return_val_if_fail (TENURE_IS_COHORTS_PAGE (self), NULL);

  return self->heatmap;
}

/* Whether the heatmap shows revenue retention rather than customer (logo) retention. */
gboolean
tenure_cohorts_page_get_revenue (TenureCohortsPage *self)
{
  g_return_val_if_fail (TENURE_IS_COHORTS_PAGE (self), FALSE);

  return gtk_toggle_button_get_active (self->revenue_button);
}

void
tenure_cohorts_page_set_revenue (TenureCohortsPage *self,
                                 gboolean           revenue)
{
  g_return_if_fail (TENURE_IS_COHORTS_PAGE (self));

  gtk_toggle_button_set_active (revenue ? self->revenue_button : self->logo_button, TRUE);
}
