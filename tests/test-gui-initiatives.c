/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Initiatives page on the demo company under Xvfb: both demo initiatives with the core's
 * gain and ROI, one created through the form, edited, deleted and undone, and screenshots. */

#include "config.h"

#include <math.h>
#include <adwaita.h>

#include "tenure-application.h"
#include "tenure-date.h"
#include "tenure-db.h"
#include "tenure-demo.h"
#include "tenure-format.h"
#include "tenure-scenario.h"
#include "tenure-initiatives-page-private.h"
#include "tenure-test-gui.h"
#include "tenure-test-util.h"
#include "tenure-test-window.h"
#include "tenure-window-private.h"

#define DEMO_MONTH TENURE_MONTH (2026, 10)

static TenureApplication *app;
static char *tmpdir;
static char *demo_path;

static TenureWindow *
open_initiatives (int                     width,
                  int                     height,
                  TenureInitiativesPage **page)
{
  TenureWindow *window = tenure_window_new (GTK_APPLICATION (app));
  g_autoptr(GFile) file = g_file_new_for_path (demo_path);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (widget_mapped, window);
  tenure_window_open_file (window, file);
  wait_for (window_idle, window);
  tenure_workspace_set_month (tenure_window_get_workspace (window), DEMO_MONTH);
  tenure_window_show_page (window, "initiatives");
  *page = TENURE_INITIATIVES_PAGE (tenure_window_get_visible_page (window));
  g_assert_true (TENURE_IS_INITIATIVES_PAGE (*page));
  wait_for (page_settled, *page);
  g_assert_cmpint (tenure_page_get_month (TENURE_PAGE (*page)), ==, DEMO_MONTH);

  return window;
}

static GPtrArray *
core_roi (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = tenure_db_open (demo_path, TENURE_DB_OPEN_READ_ONLY, &error);
  GPtrArray *result;

  g_assert_no_error (error);
  result = tenure_initiative_roi (db, DEMO_MONTH, NULL, NULL, &error);
  g_assert_no_error (error);
  return result;
}

static void
assert_cost (gint64 id,
             gint64 cost_cents)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = tenure_db_open (demo_path, TENURE_DB_OPEN_READ_ONLY, &error);
  g_autoptr(TenureInitiative) initiative = NULL;

  g_assert_no_error (error);
  initiative = tenure_initiative_load (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (initiative->cost_cents, ==, cost_cents);
}

static guint
month_index (TenureInitiativesPage *page,
             int                    month)
{
  for (guint i = 0; i < page->months->len; i++)
    if (g_array_index (page->months, int, i) == month)
      return i;
  g_assert_not_reached ();
}

static guint
count_cards (TenureInitiativesPage *page)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (page->cards_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static GtkWidget *
nth_card (TenureInitiativesPage *page,
          guint                  n)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (page->cards_box));

  while (n-- > 0 && child != NULL)
    child = gtk_widget_get_next_sibling (child);
  g_assert_nonnull (child);
  return child;
}

/* Every card shows the core's gain and ROI. */
static void
assert_cards_match (TenureInitiativesPage *page)
{
  g_autoptr(GPtrArray) expected = core_roi ();

  g_assert_cmpuint (count_cards (page), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      const TenureInitiativeRoi *roi = g_ptr_array_index (expected, i);
      GtkWidget *card = nth_card (page, i);
      GtkLabel *gain = g_object_get_data (G_OBJECT (card), TENURE_INITIATIVE_CARD_GAIN);
      GtkLabel *roi_label = g_object_get_data (G_OBJECT (card), TENURE_INITIATIVE_CARD_ROI);
      g_autofree char *gain_text = tenure_format_money (roi->gain_cents, "EUR", TENURE_FORMAT_NONE,
                                                        TENURE_LANGUAGE_DEFAULT);
      g_autofree char *roi_text = isnan (roi->roi_pct)
                                  ? g_strdup ("—")
                                  : tenure_format_percent (roi->roi_pct, 1, TENURE_FORMAT_NONE,
                                                           TENURE_LANGUAGE_DEFAULT);

      g_assert_cmpstr (gtk_label_get_label (gain), ==, gain_text);
      g_assert_cmpstr (gtk_label_get_label (roi_label), ==, roi_text);
    }
}

static gboolean
card_count_is (gpointer data)
{
  TenureInitiativesPage *page = data;
  guint wanted = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (page), "wanted"));

  return page_settled (page) && count_cards (page) == wanted;
}

static void
wait_for_cards (TenureInitiativesPage *page,
                guint                  n)
{
  g_object_set_data (G_OBJECT (page), "wanted", GUINT_TO_POINTER (n));
  wait_for (card_count_is, page);
}

static void
test_page (void)
{
  TenureInitiativesPage *page;
  TenureWindow *window = open_initiatives (1280, 800, &page);
  g_autoptr(GPtrArray) demo = core_roi ();
  g_autoptr(GPtrArray) after = NULL;
  const TenureInitiativeRoi *created = NULL;
  gint64 created_id;
  gint64 scenario_id;
  guint target;

  /* The two demo initiatives: one paid off, one did not. */
  g_assert_cmpuint (demo->len, ==, 2);
  g_assert_cmpstr (((TenureInitiativeRoi *) demo->pdata[0])->name, ==,
                   "Quarterly business reviews for Mid-market");
  g_assert_cmpfloat (((TenureInitiativeRoi *) demo->pdata[0])->roi_pct, >, 0);
  g_assert_cmpfloat (((TenureInitiativeRoi *) demo->pdata[1])->roi_pct, <, 0);
  g_test_message ("demo ROI: %s %.1f %%, %s %.1f %%",
                  ((TenureInitiativeRoi *) demo->pdata[0])->name,
                  ((TenureInitiativeRoi *) demo->pdata[0])->roi_pct,
                  ((TenureInitiativeRoi *) demo->pdata[1])->name,
                  ((TenureInitiativeRoi *) demo->pdata[1])->roi_pct);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->stack), ==, "list");
  assert_cards_match (page);

  /* A new initiative, as a user makes one: the button, then the form. */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (page->new_button)));
  g_signal_emit_by_name (page->new_button, "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->stack), ==, "form");

  /* An empty name is refused in plain words, nothing saved. */
  g_signal_emit_by_name (page->save_button, "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->stack), ==, "form");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->form_error)));
  g_assert_cmpstr (gtk_label_get_label (page->form_error), ==, "Give the initiative a name");

  gtk_editable_set_text (GTK_EDITABLE (page->name_row), "Onboarding calls for new customers");
  gtk_spin_button_set_value (page->cost_spin, 2500.50);
  /* Customers enrolled in the audit-report scenario, in its first months: a small group. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TenureDb) db = tenure_db_open (demo_path, TENURE_DB_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    scenario_id = tenure_scenario_find (db, "Generate your monthly IT audit report");
    g_assert_cmpint (scenario_id, >, 0);
  }
  target = G_MAXUINT;
  for (guint i = 0; i < page->target_scenarios->len; i++)
    if (g_array_index (page->target_scenarios, gint64, i) == scenario_id)
      target = i;
  g_assert_cmpuint (target, <, page->target_scenarios->len);
  adw_combo_row_set_selected (page->target_row, target);
  adw_combo_row_set_selected (page->first_row, month_index (page, TENURE_MONTH (2024, 12)));
  adw_combo_row_set_selected (page->last_row, month_index (page, TENURE_MONTH (2025, 2)));
  gtk_editable_set_text (GTK_EDITABLE (page->notes_row), "A call in the first week");
  test_screenshot (gtk_widget_get_ancestor (GTK_WIDGET (page), GTK_TYPE_WINDOW), "initiatives-form");
  g_signal_emit_by_name (page->save_button, "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->stack), ==, "list");
  wait_for_cards (page, 3);
  assert_cards_match (page);

  after = core_roi ();
  for (guint i = 0; i < after->len; i++)
    if (g_strcmp0 (((TenureInitiativeRoi *) after->pdata[i])->name,
                   "Onboarding calls for new customers") == 0)
      created = after->pdata[i];
  g_assert_nonnull (created);
  g_assert_cmpint (created->cost_cents, ==, 250050);
  g_assert_null (created->segment);
  g_assert_cmpint (created->scenario_id, ==, scenario_id);
  g_assert_cmpint (created->start_month, ==, TENURE_MONTH (2024, 12));
  g_assert_cmpint (created->end_month, ==, TENURE_MONTH (2025, 2));
  g_assert_cmpstr (created->notes, ==, "A call in the first week");
  created_id = created->id;

  /* Few enrolled customers: the card says the groups are too small to conclude. */
  {
    GtkWidget *card = NULL;
    gboolean warned = FALSE;
    gboolean small = created->targeted_accounts < TENURE_INITIATIVE_MIN_GROUP ||
                     created->other_accounts < TENURE_INITIATIVE_MIN_GROUP;

    for (guint i = 0; i < count_cards (page); i++)
      if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (nth_card (page, i)), "initiative-id"))
          == created_id)
        card = nth_card (page, i);
    g_assert_nonnull (card);
    for (GtkWidget *child = gtk_widget_get_first_child (card); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      warned |= g_strcmp0 (gtk_widget_get_name (child), "small-groups-warning") == 0;
    g_test_message ("created: %u targeted, %u others", created->targeted_accounts,
                    created->other_accounts);
    g_assert_true (small);
    g_assert_true (warned);

    /* It starts first: the first card. */
    g_assert_true (card == nth_card (page, 0));
    test_screenshot (GTK_WIDGET (window), "initiatives-created-light-1280x800");
  }

  /* Edit its cost: saved as soon as it changes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "initiatives.edit", "x",
                                             created_id));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->stack), ==, "form");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page->name_row)), ==,
                   "Onboarding calls for new customers");
  gtk_spin_button_set_value (page->cost_spin, 900);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->form_error)));
  assert_cost (created_id, 90000);

  /* Ctrl+Z in the form: the file and the form go back to 2,500.50; then edit again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "initiatives.undo", NULL));
  assert_cost (created_id, 250050);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (page->cost_spin), 2500.50, 1e-9);
  gtk_spin_button_set_value (page->cost_spin, 900);
  assert_cost (created_id, 90000);
  g_signal_emit_by_name (page->save_button, "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->stack), ==, "list");
  wait_for_cards (page, 3);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = core_roi ();
  for (guint i = 0; i < after->len; i++)
    if (((TenureInitiativeRoi *) after->pdata[i])->id == created_id)
      g_assert_cmpint (((TenureInitiativeRoi *) after->pdata[i])->cost_cents, ==, 90000);
  assert_cards_match (page);

  /* Delete it, then Undo as the toast offers. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "initiatives.delete", "x",
                                             created_id));
  wait_for_cards (page, 2);
  assert_cards_match (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "initiatives.undo", NULL));
  wait_for_cards (page, 3);
  assert_cards_match (page);

  /* Undo again: the cost goes back to 2,500.50. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "initiatives.undo", NULL));
  g_clear_pointer (&after, g_ptr_array_unref);
  after = core_roi ();
  for (guint i = 0; i < after->len; i++)
    if (((TenureInitiativeRoi *) after->pdata[i])->id == created_id)
      g_assert_cmpint (((TenureInitiativeRoi *) after->pdata[i])->cost_cents, ==, 250050);

  /* And once more: the creation is undone, the demo as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "initiatives.undo", NULL));
  wait_for_cards (page, 2);
  assert_cards_match (page);

  close_window (window);
}

static void
test_screenshots (void)
{
  static const struct { int width; int height; gboolean dark; } shots[] = {
    { 1280, 800, FALSE }, { 800, 600, FALSE }, { 1280, 800, TRUE }, { 800, 600, TRUE },
  };
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      TenureInitiativesPage *page;
      TenureWindow *window;
      g_autofree char *name = g_strdup_printf ("initiatives-%s-%dx%d",
                                               shots[i].dark ? "dark" : "light",
                                               shots[i].width, shots[i].height);

      adw_style_manager_set_color_scheme (style, shots[i].dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                               : ADW_COLOR_SCHEME_FORCE_LIGHT);
      window = open_initiatives (shots[i].width, shots[i].height, &page);
      assert_cards_match (page);
      test_screenshot (GTK_WIDGET (window), name);
      if (i == 3)
        {
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "initiatives.edit", "x",
                                                     ((TenureInitiativeRoi *)
                                                      page->initiatives->pdata[0])->id));
          test_screenshot (GTK_WIDGET (window), "initiatives-form-dark-800x600");
        }
      close_window (window);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  TenureDemoOptions options;
  int status;

  tmpdir = test_gui_init (&argc, &argv);

  tenure_demo_options_init (&options);
  options.end_month = DEMO_MONTH;
  demo_path = test_gui_create_demo (tmpdir, "demo.tenure", &options);

  app = test_gui_app_new (G_APPLICATION_DEFAULT_FLAGS);

  g_test_add_func ("/gui/initiatives/page", test_page);
  g_test_add_func ("/gui/initiatives/screenshots", test_screenshots);

  status = g_test_run ();

  test_gui_cleanup (&app, &tmpdir);
  g_free (demo_path);

  return status;
}
