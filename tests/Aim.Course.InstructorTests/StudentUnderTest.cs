using Aim.Course;
using Aim.Learning.Torch;

namespace Aim.Course.InstructorTests;

/// <summary>
/// The student project being graded: AIM_COURSE_DIR, or a solution key written to a temporary folder when it is not
/// set. Built and loaded once for all hidden tests.
/// </summary>
public sealed class StudentUnderTest : IDisposable
{
    /// <summary>The environment variable that names the student project's folder.</summary>
    public const string Variable = "AIM_COURSE_DIR";

    private readonly string? _temporary;

    public StudentUnderTest()
    {
        string? given = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(given))
        {
            _temporary = Path.Combine(Path.GetTempPath(), "aim-course-key-" + Guid.NewGuid().ToString("N"));
            string root = RepositoryRoot.Above(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("No Aim.Notebooks.sln above the tests.");
            StudentProject.Write(_temporary, root, solved: true);
        }

        Folder = given ?? _temporary!;
        TorchRuntime.Initialize(threads: 1);
        Code = StudentCode.Load(StudentProject.Build(Folder));
    }

    /// <summary>The project's folder.</summary>
    public string Folder { get; }

    /// <summary>The student's built code.</summary>
    public StudentCode Code { get; }

    public void Dispose()
    {
        if (_temporary is not null && Directory.Exists(_temporary))
        {
            Directory.Delete(_temporary, recursive: true);
        }
    }
}
