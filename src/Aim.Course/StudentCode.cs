using System.Reflection;
using System.Runtime.Loader;

namespace Aim.Course;

/// <summary>The student's built assembly, loaded beside the library this process already has (one copy of each type).</summary>
public sealed class StudentCode
{
    private readonly Assembly _assembly;

    private StudentCode(Assembly assembly)
    {
        _assembly = assembly;
    }

    /// <summary>Loads the assembly at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file: the project was not built.</exception>
    public static StudentCode Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No built course assembly at '{path}'; build the project first.", path);
        }

        // A context of its own, so that a second project (or a rebuild) loads afresh; everything the student's code
        // references (the library, TorchSharp) still comes from the default context, one copy of each type.
        var context = new AssemblyLoadContext($"{StudentProject.AssemblyName} {Guid.NewGuid():N}", isCollectible: true);
        return new StudentCode(context.LoadFromAssemblyPath(Path.GetFullPath(path)));
    }

    /// <summary>
    /// The student's static method <paramref name="method"/> of class <paramref name="className"/> (namespace
    /// <see cref="StubWriter.StudentNamespace"/>) as a delegate of type <typeparamref name="TDelegate"/>.
    /// </summary>
    /// <exception cref="MissingMethodException">No such method with the library's signature; the message says which.</exception>
    public TDelegate Method<TDelegate>(string className, string method)
        where TDelegate : Delegate
    {
        string type = $"{StubWriter.StudentNamespace}.{className}";
        MethodInfo? found = _assembly.GetType(type)?.GetMethod(method, BindingFlags.Public | BindingFlags.Static);
        if (found is null)
        {
            throw new MissingMethodException($"{type}.{method} is missing: keep the generated signature.");
        }

        try
        {
            return found.CreateDelegate<TDelegate>();
        }
        catch (ArgumentException e)
        {
            throw new MissingMethodException($"{type}.{method} no longer has the generated signature: {e.Message}");
        }
    }
}
