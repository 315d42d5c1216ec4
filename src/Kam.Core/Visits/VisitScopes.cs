using Kam.Core.Common;

namespace Kam.Core.Visits;

/// <summary>The contacts met on a visit are seen with the visit.</summary>
public sealed class VisitContactScope() : ThroughParent<VisitContact, Visit>(c => c.VisitId);
