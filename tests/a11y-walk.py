#!/usr/bin/python3
"""Walks Compute Atlas's window over AT-SPI and fails on any control without a
real name (or with a class name for one), then follows the keyboard focus
with Tab: round the window it must go filters → list → graph → timeline, and
with an article open filters → list → reader → timeline (the reader takes
the graph's place). Run by check-a11y.sh in its own X server and D-Bus
session."""
import re
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

APP_NAME = sys.argv[1] if len(sys.argv) > 1 else "compute-atlas"
DEBUG = "--debug" in sys.argv

# Roles a person operates: each needs a name a screen reader can say.
CONTROLS = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT, pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_SLIDER, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_PAGE_TAB,
    pyatspi.ROLE_LINK,
}
PLACEHOLDER = re.compile(r"^(Gtk|Adw|Atlas)[A-Z]\w*$")
# Focusable containers a screen reader reads through to their content. GTK 4.8
# names list and table rows after their class (GtkListItemWidget), with no API
# to name them; their cells and labels carry the text. From GTK 4.12 the
# article and facet rows take a name (atlas_compat_list_item_set_label()).
CONTAINERS = {
    pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TABLE_ROW, pyatspi.ROLE_TABLE_CELL,
    pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_SCROLL_PANE, pyatspi.ROLE_PANEL,
    # A scrolled window's own scroll bars, which GTK names after their class.
    pyatspi.ROLE_SCROLL_BAR,
    # Selectable text, named by the text itself.
    pyatspi.ROLE_LABEL,
}


def find_app(timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name and APP_NAME in app.name:
                for window in app:
                    if window is not None and window.getRoleName() in ("frame", "window") and window.childCount > 0:
                        return app
        time.sleep(0.5)
    sys.exit("the app did not show up on the accessibility bus")


def walk(node, path, found, counted):
    try:
        states = node.getState()
        role = node.getRole()
        name = (node.name or "").strip()
        here = path + [f"{node.getRoleName()}:{name or '?'}"]
        focusable = states.contains(pyatspi.STATE_FOCUSABLE) and role not in CONTAINERS
        if role in CONTROLS or focusable:
            counted.append(name)
            if not name or PLACEHOLDER.match(name):
                found.append(" > ".join(here[-4:]))
        for child in node:
            if child is not None:
                walk(child, here, found, counted)
    except Exception as error:  # objects can go away while the tree is read
        print(f"# skipped a vanishing object: {error}")


def region(node):
    """The named part of the window a focused object lies in."""
    names = []
    while node is not None:
        try:
            names.append((node.name or "").strip())
            node = node.parent
        except Exception:
            break
    for name in names:
        for part, words in REGIONS:
            if name in words:
                return part
    return None


REGIONS = [
    ("filters", {"Filters"}),
    ("list", {"Articles"}),
    ("reader", {"Article"}),
    ("graph", {"Graph"}),
    ("timeline", {"Timeline"}),
]


# GTK 4.8 leaves the focused state on a widget that was hidden while it had
# the focus, so the tree can hold two; the focus events say which is new.
FOCUS = {"node": None}


def on_focus(event):
    if event.detail1:
        FOCUS["node"] = event.source


def focused_now(app):
    context = GLib.MainContext.default()
    deadline = time.time() + 0.3
    while time.time() < deadline:
        while context.pending():
            context.iteration(False)
        time.sleep(0.02)
    return FOCUS["node"]


def tab_cycle(app, presses=60):
    """The regions the focus passes through, in order, starting and ending at
    the filters, as Tab moves it round the window."""
    order = []
    for _ in range(presses):
        subprocess.run(["xdotool", "key", "Tab"], check=True)
        node = focused_now(app)
        part = region(node) if node is not None else None
        if DEBUG:
            print("# focus:", node.getRoleName() if node else None, node.name if node else None, part)
        if part is not None and (not order or order[-1] != part):
            order.append(part)
    if "filters" in order:
        start = order.index("filters")
        order = order[start:]
        if "filters" in order[1:]:
            order = order[:order.index("filters", 1)]
    return order


def check_order(order, wanted):
    print("# focus went through: " + " → ".join(order))
    if order != wanted:
        print("not ok - focus order: wanted " + " → ".join(wanted))
        return False
    print("ok - focus order " + " → ".join(wanted))
    return True


def open_an_article(app):
    """Tab to an article of the list, then Enter opens it in the reader."""
    for _ in range(60):
        subprocess.run(["xdotool", "key", "Tab"], check=True)
        node = focused_now(app)
        if node is not None and region(node) == "list" and node.getRole() == pyatspi.ROLE_LIST_ITEM:
            subprocess.run(["xdotool", "key", "Return"], check=True)
            time.sleep(1)
            return True
    return False


def main():
    pyatspi.Registry.registerEventListener(on_focus, "object:state-changed:focused")
    app = find_app()
    time.sleep(2)
    missing, counted = [], []
    for window in app:
        walk(window, [], missing, counted)
    for line in missing:
        print(f"not ok - control without a real name: {line}")
    print(f"# {len(counted)} controls shown, {len(missing)} without a real name")
    failed = bool(missing) or not counted

    failed |= not check_order(tab_cycle(app), ["filters", "list", "graph", "timeline"])
    if not open_an_article(app):
        print("not ok - no article could be reached and opened with the keyboard")
        failed = True
    else:
        missing, counted = [], []
        for window in app:
            walk(window, [], missing, counted)
        for line in missing:
            print(f"not ok - control without a real name, an article open: {line}")
        failed |= bool(missing)
        # The article's chips are stops too: a longer way round.
        failed |= not check_order(tab_cycle(app, presses=160), ["filters", "list", "reader", "timeline"])
    print("ok - accessibility" if not failed else "# accessibility checks failed")
    sys.exit(1 if failed else 0)


main()
