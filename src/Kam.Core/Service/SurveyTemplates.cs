using System.Text.Json;
using System.Text.Json.Serialization;
using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Service;

public sealed record SurveyTemplateInput(string? Name, FollowUpOccasion? Occasion, AccountCategory? AccountCategory, IReadOnlyList<SurveyQuestion>? Questions, Guid? Version);

public sealed record SurveyTemplateView(Guid Id, string Name, FollowUpOccasion? Occasion, AccountCategory? AccountCategory, IReadOnlyList<SurveyQuestion> Questions,
    bool Archived, Guid Version);

/// <summary>The survey templates: listed to every reader, written by the head and the assistant; the one a follow-up uses.</summary>
public sealed class SurveyTemplates(IKamDb db, ICurrentUser me, TimeProvider clock)
{
    public const int MaxQuestions = 20;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The questions asked when no template fits: three scores, the recommendation, and a free comment.</summary>
    public static IReadOnlyList<SurveyQuestion> DefaultQuestions() =>
    [
        new(QuestionKind.Score, Text.Get("survey.default_quality")),
        new(QuestionKind.Score, Text.Get("survey.default_delivery")),
        new(QuestionKind.Score, Text.Get("survey.default_service")),
        new(QuestionKind.Nps, Text.Get("survey.default_nps")),
        new(QuestionKind.Text, Text.Get("survey.default_comment"), Required: false),
    ];

    public static bool Writes(ICurrentUser me) => me.IsSystem || me.IsInRole(Roles.Head) || me.IsInRole(Roles.Assistant);

    public async Task<IReadOnlyList<SurveyTemplateView>> List(bool archived = false, CancellationToken ct = default) =>
        (await db.Read<SurveyTemplate>().AsNoTracking().Where(t => archived || t.ArchivedAt == null).OrderBy(t => t.Name).ToListAsync(ct)).Select(View).ToList();

    public async Task<Result<SurveyTemplateView>> Get(Guid id, CancellationToken ct = default) =>
        await db.Read<SurveyTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } t ? View(t) : Error.NotFound("survey.template_not_found");

    public async Task<Result<Guid>> Create(SurveyTemplateInput input, CancellationToken ct = default)
    {
        if (!Writes(me))
            return Error.Forbidden("survey.templates_forbidden");
        if (Check(input) is { } invalid)
            return invalid;
        var template = new SurveyTemplate();
        Apply(template, input);
        db.Unscoped<SurveyTemplate>().Add(template);
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : template.Id;
    }

    public async Task<Result> Update(Guid id, SurveyTemplateInput input, CancellationToken ct = default)
    {
        if (!Writes(me))
            return Error.Forbidden("survey.templates_forbidden");
        var template = await db.Read<SurveyTemplate>().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (template is null)
            return Error.NotFound("survey.template_not_found");
        if (input.Version is not { } version)
            return Error.Validation("version", "field.version_required");
        if (version != template.Version)
            return Error.Conflict();
        if (Check(input) is { } invalid)
            return invalid;
        db.Entry(template).Property(t => t.Version).OriginalValue = version;
        Apply(template, input);
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    /// <summary>Archives (no longer offered; the follow-ups made from it keep their questions) or restores.</summary>
    public async Task<Result> Archive(Guid id, bool archived, CancellationToken ct = default)
    {
        if (!Writes(me))
            return Error.Forbidden("survey.templates_forbidden");
        var template = await db.Read<SurveyTemplate>().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (template is null)
            return Error.NotFound("survey.template_not_found");
        template.ArchivedAt = archived ? template.ArchivedAt ?? clock.GetUtcNow() : null;
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    /// <summary>The template for an occasion and an account's category: the most specific active one, or none.</summary>
    public async Task<SurveyTemplate?> ForAsync(FollowUpOccasion occasion, AccountCategory category, CancellationToken ct)
    {
        var candidates = await db.Unscoped<SurveyTemplate>().AsNoTracking()
            .Where(t => t.ArchivedAt == null && (t.Occasion == null || t.Occasion == occasion) && (t.AccountCategory == null || t.AccountCategory == category))
            .ToListAsync(ct);
        return candidates.OrderByDescending(t => (t.Occasion is null ? 0 : 2) + (t.AccountCategory is null ? 0 : 1)).ThenBy(t => t.CreatedAt).FirstOrDefault();
    }

    internal static IReadOnlyList<SurveyQuestion> Parse(string json) => JsonSerializer.Deserialize<List<SurveyQuestion>>(json, Json) ?? [];

    private static SurveyTemplateView View(SurveyTemplate t) =>
        new(t.Id, t.Name, t.Occasion, t.AccountCategory, Parse(t.Questions), t.ArchivedAt is not null, t.Version);

    private static void Apply(SurveyTemplate template, SurveyTemplateInput input)
    {
        template.Name = input.Name!.Trim();
        template.Occasion = input.Occasion;
        template.AccountCategory = input.AccountCategory;
        var questions = input.Questions!.Select(q => q with
        {
            Text = q.Text.Trim(),
            Options = q.Kind is QuestionKind.Single or QuestionKind.Multiple ? q.Options!.Select(o => o.Trim()).ToList() : null,
        }).ToList();
        template.Questions = JsonSerializer.Serialize(questions, Json);
    }

    private static Error? Check(SurveyTemplateInput input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Name))
            errors.Add(new FieldError("name", "field.required"));
        else if (input.Name.Trim().Length > 100)
            errors.Add(new FieldError("name", "field.too_long", 0, 100));
        if (input.Occasion is { } occasion && !Enum.IsDefined(occasion))
            errors.Add(new FieldError("occasion", "field.invalid"));
        if (input.AccountCategory is { } category && !Enum.IsDefined(category))
            errors.Add(new FieldError("accountCategory", "field.invalid"));
        var questions = input.Questions ?? [];
        if (questions.Count is 0 or > MaxQuestions)
            errors.Add(new FieldError("questions", "survey.questions_count", MaxQuestions));
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            if (q is null || !Enum.IsDefined(q.Kind))
            {
                errors.Add(new FieldError($"questions[{i}]", "field.invalid"));
                continue;
            }
            if (string.IsNullOrWhiteSpace(q.Text) || q.Text.Trim().Length > 200)
                errors.Add(new FieldError($"questions[{i}].text", "survey.question_text"));
            if (q.Kind is QuestionKind.Single or QuestionKind.Multiple)
            {
                var options = (q.Options ?? []).Select(o => o?.Trim() ?? "").ToList();
                if (options.Count is < 2 or > 20 || options.Any(o => o.Length is 0 or > 100) || options.Distinct().Count() != options.Count)
                    errors.Add(new FieldError($"questions[{i}].options", "survey.options_invalid"));
            }
        }
        if (questions.Count(q => q?.Kind == QuestionKind.Nps) > 1)
            errors.Add(new FieldError("questions", "survey.one_nps"));
        return errors.Count > 0 ? Error.Validation(errors) : null;
    }
}
