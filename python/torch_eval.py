"""Evaluates PyTorch equivalents for `actfn grad-check --against torch` (float64, autograd).

Reads one JSON request on stdin:
  {"order": 1 or 2,
   "functions": [{"id": 0, "expression": "torch.nn.ELU(alpha)", "params": {"alpha": 1.0},
                  "kind": "pointwise" or "vector", "points": [x, ...]}, ...]}
Each expression is the catalog's `equivalents.torch` text: Python evaluated with `torch`, `nn`,
`F` (torch.nn.functional), `math`, `x` and the function's parameters in scope, optionally after
statements (`p = torch.sigmoid(x); p * x`). It may give a module or a callable (applied to the
points) or the values themselves. Modules run in float64
and eval mode. Pointwise functions get the elementwise gradient (and, at order 2, the second
derivative); vector functions (dim 0) the diagonal of the Jacobian.

Writes one JSON response on stdout:
  {"torch": "1.13.0", "results": [{"id": 0, "y": [...], "dy": [...], "d2": [...]} or
                                  {"id": 0, "error": "one line", "noExpression": bool}]}
where "d2" gives way to "d2Error" when torch has no double backward for the function.
Non-finite numbers travel as the strings "NaN", "Infinity", "-Infinity" (both ways; parameters
may also be such strings only when sent as {"float": "..."}). Exit status 3: torch cannot be imported.
"""
import ast
import json
import math
import sys

try:
    import torch
except Exception as e:  # noqa: BLE001 - any import failure means "no usable torch"
    sys.stderr.write("torch cannot be imported: %s\n" % (str(e).splitlines() or ["?"])[0])
    sys.exit(3)

NONFINITE_IN = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


def decode_number(v):
    if isinstance(v, dict) and "float" in v:
        return NONFINITE_IN[v["float"]]
    if isinstance(v, str) and v in NONFINITE_IN:
        return NONFINITE_IN[v]
    return v


def encode(values):
    out = []
    for v in values.tolist():
        if math.isnan(v):
            out.append("NaN")
        elif math.isinf(v):
            out.append("Infinity" if v > 0 else "-Infinity")
        else:
            out.append(v)
    return out


class NotAnExpression(Exception):
    """The catalog's text is prose ("none in torch; ..."), not Python."""


def compile_program(text):
    """`expr`, or `name = ...; ...; expr` (statements, then the expression that gives the result)."""
    try:
        tree = ast.parse(text, "<equivalents.torch>", "exec")
    except SyntaxError:
        raise NotAnExpression("not Python") from None
    if not tree.body or not isinstance(tree.body[-1], ast.Expr):
        raise NotAnExpression("Python that does not end in an expression")
    setup = ast.Module(body=tree.body[:-1], type_ignores=[])
    result = ast.Expression(body=tree.body[-1].value)
    return compile(setup, "<equivalents.torch>", "exec"), compile(result, "<equivalents.torch>", "eval")


def make_apply(expression, params):
    setup, result = compile_program(expression)
    scope = {"torch": torch, "nn": torch.nn, "F": torch.nn.functional, "math": math}
    scope.update({k: decode_number(v) for k, v in params.items()})

    def apply(x):
        local = dict(scope, x=x)
        exec(setup, local)  # noqa: S102 - the catalog's own text
        obj = eval(result, local)  # noqa: S307 - the catalog's own text
        if isinstance(obj, torch.nn.Module):
            obj = obj.double().eval()
        if not isinstance(obj, torch.Tensor):
            if not callable(obj):
                raise TypeError("expression gives %s, not a module, callable or tensor" % type(obj).__name__)
            obj = obj(x)
        # torch.nn.GLU(dim=0) on a stacked pair gives shape (1, n): the same values as x's shape.
        if obj.shape != x.shape and obj.numel() == x.numel():
            obj = obj.reshape(x.shape)
        return obj

    return apply


def gradient(y, x, create_graph=False):
    (g,) = torch.autograd.grad(y.sum(), x, create_graph=create_graph, allow_unused=True)
    return torch.zeros_like(x) if g is None else g


def evaluate(fn, order):
    points = [decode_number(p) for p in fn["points"]]
    apply = make_apply(fn["expression"], fn.get("params", {}))
    if fn["kind"] == "vector":
        x = torch.tensor(points, dtype=torch.float64, requires_grad=True)
        y = apply(x)
        jac = torch.autograd.functional.jacobian(apply, x.detach())
        return {"y": encode(y.detach()), "dy": encode(torch.diagonal(jac))}
    # One point at a time: torch's vectorized kernels and its scalar loop disagree at some corners
    # (Hardswish'(3) is 1.0 in the vectorized path, 1.5 in the scalar one and in the docs), and
    # the scalar path is the one that matches torch's documented conventions.
    ys, dys, d2s, d2_error = [], [], [], None
    for p in points:
        xi = torch.tensor([p], dtype=torch.float64, requires_grad=True)
        yi = apply(xi)
        if yi.shape != xi.shape:
            raise ValueError("output shape %s differs from input shape %s" % (tuple(yi.shape), tuple(xi.shape)))
        ys.append(yi.detach())
        dyi = gradient(yi, xi, create_graph=order == 2)
        dys.append(dyi.detach())
        if order == 2 and d2_error is None:
            try:
                d2s.append(gradient(dyi, xi).detach() if dyi.requires_grad else torch.zeros_like(xi))
            except Exception as e:  # noqa: BLE001 - f and f' still compare (Hardsigmoid has no double backward)
                d2_error = one_line(e)
    empty = torch.zeros(0, dtype=torch.float64)
    out = {"y": encode(torch.cat(ys) if ys else empty), "dy": encode(torch.cat(dys) if dys else empty)}
    if order == 2:
        if d2_error is None:
            out["d2"] = encode(torch.cat(d2s) if d2s else empty)
        else:
            out["d2Error"] = d2_error
    return out


def one_line(e):
    text = str(e).strip().splitlines()
    return "%s: %s" % (type(e).__name__, text[0] if text else "")


def main():
    request = json.load(sys.stdin)
    order = request.get("order", 1)
    results = []
    for fn in request["functions"]:
        try:
            results.append(dict(id=fn["id"], **evaluate(fn, order)))
        except Exception as e:  # noqa: BLE001 - reported per function, the others still run
            results.append({"id": fn["id"], "error": one_line(e), "noExpression": isinstance(e, NotAnExpression)})
    json.dump({"torch": torch.__version__, "results": results}, sys.stdout, allow_nan=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
