from typing import Any, Dict, List, Literal, Mapping, Optional, Sequence, Union

__version__: str

Document = Union[str, bytes, bytearray, memoryview, Mapping[str, Any]]
ParamValue = Union[str, int, float, List[str]]

class Error(Exception):
    """A validator that cannot be built: a bad rule file or an unknown code."""

class Finding:
    @property
    def instance_location(self) -> str: ...
    @property
    def code(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def params(self) -> Dict[str, ParamValue]: ...

class Report:
    @property
    def status(self) -> Literal["VERIFIED", "NOT_VERIFIED"]: ...
    @property
    def verified(self) -> bool: ...
    @property
    def errors(self) -> List[Finding]: ...
    @property
    def warnings(self) -> List[Finding]: ...
    def to_json(self) -> str: ...

class Validator:
    def __init__(
        self,
        *,
        part: Literal["both", "brand", "campaign"] = "both",
        disable: Sequence[str] = (),
        rules: Optional[Union[str, bytes, Mapping[str, Any]]] = None,
        max_bytes: int = 1048576,
        max_depth: int = 64,
        max_string: int = 65536,
        profile: str = "",
    ) -> None: ...
    def validate(self, document: Document) -> Report: ...

def diagnose(
    document: Document, *, recent_days: int = 30, pending_hours: int = 48, clock_skew_seconds: int = 300
) -> Dict[str, Any]: ...
