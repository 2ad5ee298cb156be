/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every control of the welcome page and of each page of the demo company is reached with
 * the keyboard (Tab, and the arrows inside lists), and every icon-only button has a name. */

#include "config.h"

#include <adwaita.h>

#include "tenure-application.h"
#include "tenure-chart.h"
#include "tenure-date.h"
#include "tenure-demo.h"
#include "tenure-page-list.h"
#include "tenure-test-gui.h"
#include "tenure-test-util.h"
#include "tenure-test-window.h"
#include "tenure-window-private.h"

/* More focus moves than any page has controls: a chain longer than this does not cycle. */
#define MAX_STEPS 4000

static TenureApplication *app;
static char *tmpdir;
static char *demo_path;

/* A name for @widget in failure messages: its type, .ui id, tooltip or text. */
static char *
describe (GtkWidget *widget)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  const char *text = NULL;

  if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_MENU_BUTTON (widget))
    text = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
  else if (GTK_IS_CHECK_BUTTON (widget))
    text = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

  return g_strdup_printf ("%s%s%s%s%s%s%s", G_OBJECT_TYPE_NAME (widget),
                          id != NULL ? " #" : "", id != NULL ? id : "",
                          text != NULL ? " “" : "", text != NULL ? text : "",
                          text != NULL ? "”" : "",
                          tooltip != NULL ? " (has a tooltip)" : "");
}

/* Whether @widget or something inside it can take the keyboard focus: a decorative
 * button (not focusable, not clickable, as in the signup preview) is no control. */
static gboolean
takes_focus (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_get_can_focus (widget))
    return FALSE;
  if (gtk_widget_get_focusable (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (takes_focus (child))
      return TRUE;

  return FALSE;
}

/* Widgets a user works with, each taken as one control (an entry and its text, a menu
 * button and its toggle button). */
static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) ||
         GTK_IS_MENU_BUTTON (widget) ||
         GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_SWITCH (widget) ||
         GTK_IS_EDITABLE (widget) ||
         GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_SCALE (widget) ||
         GTK_IS_TEXT_VIEW (widget) ||
         GTK_IS_COLUMN_VIEW (widget) ||
         GTK_IS_LIST_VIEW (widget) ||
         TENURE_IS_CHART (widget);
}

/* Rows that do something when activated: list rows and flow box children. */
static gboolean
is_active_item (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX_ROW (widget))
    return gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)) &&
           gtk_widget_get_focusable (widget);

  return GTK_IS_FLOW_BOX_CHILD (widget) && gtk_widget_get_focusable (widget);
}

/* Every control on screen under @widget that the keyboard must reach. */
static void
collect_controls (GtkWidget *widget,
                  GPtrArray *controls)
{
  if (!gtk_widget_get_mapped (widget) ||
      !gtk_widget_is_sensitive (widget) ||
      !gtk_widget_get_can_focus (widget))
    return;

  if (is_control (widget))
    {
      if (takes_focus (widget))
        g_ptr_array_add (controls, widget);
      /* An entry row is an editable with buttons of its own: look inside. */
      if (!ADW_IS_ENTRY_ROW (widget))
        return;
    }
  else if (is_active_item (widget))
    g_ptr_array_add (controls, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_controls (child, controls);
}

static void
add_focus (GtkWindow  *window,
           GHashTable *reached)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (focus != NULL)
    g_hash_table_add (reached, focus);
}

/* Presses Tab until the focus comes back where it started: the widgets focused. */
static GHashTable *
walk_tab_chain (GtkWindow *window)
{
  GHashTable *reached = g_hash_table_new (NULL, NULL);
  GtkWidget *first = NULL;
  GtkWidget *previous = NULL;
  guint steps;

  gtk_window_set_focus (window, NULL);
  for (steps = 0; steps < MAX_STEPS; steps++)
    {
      GtkWidget *focus;

      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      if (focus == first)
        break;
      /* Tab that leaves the focus where it is traps the keyboard user. */
      if (focus == previous)
        {
          g_autofree char *name = describe (focus);

          g_error ("Tab does not move on from %s", name);
        }
      previous = focus;
      if (first == NULL)
        first = focus;
      g_hash_table_add (reached, focus);
    }

  /* The chain cycles, so Tab never traps the focus in one part of the window. */
  g_assert_cmpuint (steps, <, MAX_STEPS);
  g_assert_cmpuint (g_hash_table_size (reached), >, 1);

  return reached;
}

/* The list boxes and flow boxes that Tab entered. */
static void
add_lists_of (GtkWidget  *widget,
              GHashTable *lists)
{
  for (GtkWidget *ancestor = widget; ancestor != NULL; ancestor = gtk_widget_get_parent (ancestor))
    if (GTK_IS_LIST_BOX (ancestor) || GTK_IS_FLOW_BOX (ancestor))
      g_hash_table_add (lists, ancestor);
}

/* Inside a list, the arrows move from row to row, and Tab goes through the controls of
 * the row: every row of the lists Tab entered, and every control in them. */
static void
walk_lists (GtkWindow  *window,
            GHashTable *reached)
{
  g_autoptr(GHashTable) done = g_hash_table_new (NULL, NULL);
  gboolean found = TRUE;

  while (found)
    {
      g_autoptr(GHashTable) lists = g_hash_table_new (NULL, NULL);
      GHashTableIter iter;
      gpointer key;

      found = FALSE;
      g_hash_table_iter_init (&iter, reached);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        add_lists_of (key, lists);

      g_hash_table_iter_init (&iter, lists);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          if (!g_hash_table_add (done, key))
            continue;
          found = TRUE;

          for (GtkWidget *item = gtk_widget_get_first_child (key);
               item != NULL;
               item = gtk_widget_get_next_sibling (item))
            {
              if (!gtk_widget_get_mapped (item) || !gtk_widget_is_sensitive (item) ||
                  !gtk_widget_get_focusable (item))
                continue;

              /* In a browse list (the sidebar), the arrows select the row they move to,
               * which would show another page: its rows are reached without moving. */
              if (GTK_IS_LIST_BOX (key) &&
                  gtk_list_box_get_selection_mode (key) == GTK_SELECTION_BROWSE)
                {
                  g_hash_table_add (reached, item);
                  continue;
                }

              g_assert_true (gtk_widget_grab_focus (item));
              add_focus (window, reached);
              for (guint i = 0; i < 100 && gtk_widget_child_focus (item, GTK_DIR_TAB_FORWARD); i++)
                add_focus (window, reached);
            }
        }
    }
}

static gboolean
was_reached (GtkWidget  *control,
             GHashTable *reached)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, reached);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (key == control || gtk_widget_is_ancestor (key, control))
      return TRUE;

  return FALSE;
}

static gboolean
shows_text (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;

  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget))[0] != '\0';

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child))
      return TRUE;

  return FALSE;
}

/* A button showing only an icon has a tooltip or an accessible label. */
static gboolean
icon_button_named (GtkWidget *widget)
{
  const char *tooltip;

  if (!GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (widget))
    return TRUE;
  if (shows_text (widget))
    return TRUE;

  tooltip = gtk_widget_get_tooltip_text (widget);
  if (tooltip != NULL && tooltip[0] != '\0')
    return TRUE;

  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Walks the whole window with the keyboard: every control on screen is reached and every
 * icon-only button is named. Returns how many controls there were. */
static guint
check_keyboard (GtkWindow  *window,
                const char *where)
{
  g_autoptr(GHashTable) reached = walk_tab_chain (window);
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();
  g_autoptr(GString) failures = g_string_new (NULL);
  GtkWidget *page = gtk_stack_get_visible_child (GTK_STACK (TENURE_WINDOW (window)->main_stack));

  walk_lists (window, reached);
  collect_controls (GTK_WIDGET (window), controls);
  /* The list walk moved no further than the rows: the same view is on screen. */
  g_assert_true (page == gtk_stack_get_visible_child (GTK_STACK (TENURE_WINDOW (window)->main_stack)));

  for (guint i = 0; i < controls->len; i++)
    {
      GtkWidget *control = g_ptr_array_index (controls, i);
      g_autofree char *name = describe (control);

      if (g_test_verbose ())
        g_test_message ("  %s %s", was_reached (control, reached) ? "reached" : "MISSED", name);
      if (!was_reached (control, reached))
        g_string_append_printf (failures, "  not reached with the keyboard: %s\n", name);
      if (!icon_button_named (control))
        g_string_append_printf (failures, "  icon-only button without a name: %s\n", name);
      if (TENURE_IS_CHART (control) &&
          (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (control),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL) ||
           !gtk_test_accessible_has_property (GTK_ACCESSIBLE (control),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION)))
        g_string_append_printf (failures, "  chart without a label and a description: %s\n",
                                name);
    }

  if (failures->len > 0)
    g_error ("%s:\n%s", where, failures->str);

  g_test_message ("%s: %u controls, %u focus stops", where, controls->len,
                  g_hash_table_size (reached));
  return controls->len;
}

static gboolean
contains_type (GPtrArray *controls,
               GType      type)
{
  for (guint i = 0; i < controls->len; i++)
    if (G_TYPE_CHECK_INSTANCE_TYPE (g_ptr_array_index (controls, i), type))
      return TRUE;

  return FALSE;
}

/* Whether a control lies inside @container (the month selector, the sidebar…). */
static gboolean
has_control_in (GPtrArray *controls,
                GtkWidget *container)
{
  for (guint i = 0; i < controls->len; i++)
    if (gtk_widget_is_ancestor (g_ptr_array_index (controls, i), container))
      return TRUE;

  return FALSE;
}

/* The welcome page: the demo, import and open buttons, and the main menu. */
static void
test_welcome (void)
{
  TenureWindow *window = tenure_window_new (GTK_APPLICATION (app));
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (widget_mapped, window);
  test_settle (GTK_WIDGET (window), 2);

  collect_controls (GTK_WIDGET (window), controls);
  g_assert_true (contains_type (controls, GTK_TYPE_MENU_BUTTON));
  g_assert_cmpuint (check_keyboard (GTK_WINDOW (window), "welcome"), >=, 4);

  close_window (window);
}

/* Each page of the demo company, with the sidebar and the header bar around it. */
static void
test_pages (void)
{
  TenureWindow *window = tenure_window_new (GTK_APPLICATION (app));
  g_autoptr(GFile) file = g_file_new_for_path (demo_path);
  const TenurePageInfo *pages;
  guint n_pages;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (widget_mapped, window);
  tenure_window_open_file (window, file);
  wait_for (window_idle, window);
  g_assert_nonnull (tenure_window_get_workspace (window));

  pages = tenure_page_list_get (&n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(GPtrArray) controls = g_ptr_array_new ();
      g_autoptr(GPtrArray) page_controls = g_ptr_array_new ();
      TenurePage *page;

      tenure_window_show_page (window, pages[i].name);
      page = tenure_window_get_visible_page (window);
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (page, pages[i].get_type ()));
      wait_for (page_ready, page);
      test_settle (GTK_WIDGET (window), 2);

      /* The header bar's controls are on screen, so the walk covers them each time. */
      collect_controls (GTK_WIDGET (window), controls);
      g_assert_true (g_ptr_array_find (controls, window->export_button, NULL));
      g_assert_true (has_control_in (controls, GTK_WIDGET (window->month_selector)));
      g_assert_true (has_control_in (controls, GTK_WIDGET (window->filter_button)));
      g_assert_true (has_control_in (controls, GTK_WIDGET (window->sidebar)));
      collect_controls (GTK_WIDGET (page), page_controls);
      g_assert_cmpuint (page_controls->len, >, 0);

      /* The walk (gtk_widget_child_focus, not the Tab key, which the window sends
       * from the sidebar to the page: see sidebar-tab) stops on each row of the sidebar,
       * and a row with the focus is selected (a browse list): the walk holds the page on
       * screen, so that it goes on into this page's controls. */
      g_signal_handlers_block_matched (window->sidebar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                       window);
      check_keyboard (GTK_WINDOW (window), pages[i].name);
      tenure_window_show_page (window, pages[i].name);
      g_signal_handlers_unblock_matched (window->sidebar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                         window);
      g_assert_true (tenure_window_get_visible_page (window) == page);
    }

  close_window (window);
}

/* The sidebar's own key controller, which decides where Tab goes from a row. */
static gboolean
press_on_sidebar (TenureWindow    *window,
                  guint            keyval,
                  GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window->sidebar));
  gboolean handled = FALSE;
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
        continue;
      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
      found = TRUE;
    }
  g_assert_true (found);

  return handled;
}

/* Tab from a sidebar row goes on into the page it shows, not to the next row (which
 * would switch page at every press); Shift+Tab goes back to the header bar. */
static void
test_sidebar_tab (void)
{
  TenureWindow *window = tenure_window_new (GTK_APPLICATION (app));
  g_autoptr(GFile) file = g_file_new_for_path (demo_path);
  TenurePage *page;
  GtkWidget *focus;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (widget_mapped, window);
  tenure_window_open_file (window, file);
  wait_for (window_idle, window);

  tenure_window_show_page (window, "revenue");
  page = tenure_window_get_visible_page (window);
  wait_for (page_ready, page);
  test_settle (GTK_WIDGET (window), 2);

  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (window->sidebar)));
  g_assert_true (press_on_sidebar (window, GDK_KEY_Tab, 0));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, window->content_box));
  g_assert_true (tenure_window_get_visible_page (window) == page);

  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (window->sidebar)));
  g_assert_true (press_on_sidebar (window, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, window->sidebar_header));
  g_assert_true (tenure_window_get_visible_page (window) == page);

  /* The arrows still move between pages. */
  g_assert_false (press_on_sidebar (window, GDK_KEY_Down, 0));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  TenureDemoOptions options;
  int status;

  tmpdir = test_gui_init (&argc, &argv);

  tenure_demo_options_init (&options);
  options.end_month = TENURE_MONTH (2026, 10);
  demo_path = test_gui_create_demo (tmpdir, "demo.tenure", &options);

  app = test_gui_app_new (G_APPLICATION_HANDLES_OPEN);

  g_test_add_func ("/gui/keyboard/welcome", test_welcome);
  g_test_add_func ("/gui/keyboard/pages", test_pages);
  g_test_add_func ("/gui/keyboard/sidebar-tab", test_sidebar_tab);

  status = g_test_run ();

  test_gui_cleanup (&app, &tmpdir);
  g_free (demo_path);

  return status;
}
