"""The OpenAPI schema's answers beyond 200: what a client must handle.

Every list may answer 400 (a filter, cursor or page size it cannot use)
and every detail 404; any operation 429 when the client is over its rate,
with Retry-After. 200 answers carry ETag and Cache-Control.
"""

from drf_spectacular.openapi import AutoSchema

DETAIL = {
    "type": "object",
    "required": ["detail"],
    "properties": {"detail": {"type": "string"}},
}
BAD_PARAMETERS = {
    "type": "object",
    "description": "Each parameter that cannot be used, with why.",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}
JSON = "application/json"


def _answer(description, schema, headers=None):
    answer = {"description": description, "content": {JSON: {"schema": schema}}}
    if headers:
        answer["headers"] = headers
    return answer


class ApiAutoSchema(AutoSchema):
    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        responses = operation["responses"]
        for answer in responses.values():
            answer.setdefault("headers", {}).update(
                {
                    "ETag": {"schema": {"type": "string"}},
                    "Cache-Control": {"schema": {"type": "string"}},
                }
            )
        if self._is_list_view():
            responses["400"] = _answer(
                "A filter, the cursor or the page size cannot be used.",
                BAD_PARAMETERS,
            )
        else:
            responses["404"] = _answer("There is no such public object.", DETAIL)
        responses["429"] = _answer(
            "Too many requests from this address; try again after Retry-After.",
            DETAIL,
            {
                "Retry-After": {
                    "schema": {"type": "integer"},
                    "description": "Seconds to wait.",
                }
            },
        )
        return operation
