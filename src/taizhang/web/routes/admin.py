"""单位与账号 (管理员): the units and accounts of the administrator's subtree."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from taizhang.ledger import accounts, units
from taizhang.ledger.models import UNIT_LEVELS
from taizhang.web.permissions import Actor, require

router = APIRouter()


def _page(request: Request, actor: Actor, **extra):
    site = request.app.state.site
    tree = site.tree(actor.unit.id, actor.version)
    users = site.ledger.users(actor.unit.id)
    return site.templates.render(request, "admin.html", {
        "units": tree.options, "tree": tree, "users": users, "levels": UNIT_LEVELS,
        "default_level": units.child_level(actor.unit.level),
        "roles": list(accounts.roles().values()), "saved": request.query_params.get("saved"), **extra})


@router.get("/admin")
def admin_page(request: Request, actor: Actor = Depends(require("admin"))):
    return _page(request, actor)


@router.post("/admin/units")
def unit_add(request: Request, name: str = Form(""), level: str = Form(""), parent: str = Form(""),
             actor: Actor = Depends(require("admin"))):
    site = request.app.state.site
    parent_unit = actor.unit_ref(parent, site)
    site.ledger.add_unit(name, level, parent_unit.id, actor=actor.name)
    return RedirectResponse("/admin?saved=unit", status_code=303)


@router.post("/admin/users")
def user_add(request: Request, username: str = Form(""), password: str = Form(""), role: str = Form(""),
             unit: str = Form(""), display_name: str = Form(""), actor: Actor = Depends(require("admin"))):
    site = request.app.state.site
    home = actor.unit_ref(unit, site)
    site.ledger.create_user(username, password, role, home.id, display_name=display_name, actor=actor.name)
    return RedirectResponse("/admin?saved=user", status_code=303)


@router.post("/admin/users/{user_id:int}/active")
def user_active(request: Request, user_id: int, active: str = Form(""), actor: Actor = Depends(require("admin"))):
    site = request.app.state.site
    user = actor.account(user_id, site.ledger)
    site.ledger.set_user_active(user.id, active == "1", actor=actor.name)
    return RedirectResponse("/admin?saved=user", status_code=303)


@router.post("/admin/users/{user_id:int}/password")
def user_password(request: Request, user_id: int, password: str = Form(""),
                  actor: Actor = Depends(require("admin"))):
    site = request.app.state.site
    user = actor.account(user_id, site.ledger)
    site.ledger.set_password(user.id, password, actor=actor.name)
    return RedirectResponse("/admin?saved=password", status_code=303)


@router.post("/admin/tokens")
def token_add(request: Request, user: str = Form(""), name: str = Form(""), actor: Actor = Depends(require("admin"))):
    site = request.app.state.site
    owner = actor.account(int(user) if user.isdigit() else -1, site.ledger)
    _, plain = site.ledger.create_token(owner.id, name, actor=actor.name)
    return _page(request, actor, new_token=plain, token_owner=owner.username)
