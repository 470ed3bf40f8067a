using NotebookTwins;

// Writes each notebook's file-based twin (notebooks/scripts/NN-topic.cs) from notebooks/NN-topic.ipynb.
//   dotnet run --project tools/NotebookTwins             regenerate every twin
//   dotnet run --project tools/NotebookTwins -- --check  write nothing; exit 1 naming each twin that differs from what
//                                                        would be generated (continuous integration runs this)
// Exit codes: 0 done or up to date, 1 twins out of date (--check), 2 a notebook cannot be translated or bad usage.
bool check = false;
foreach (string arg in args)
{
    if (arg == "--check")
    {
        check = true;
    }
    else
    {
        Console.Error.WriteLine($"notebook-twins: unknown argument {arg}; usage: {TwinWriter.RegenerateCommand} [-- --check]");
        return 2;
    }
}

string root = TwinFiles.FindRepositoryRoot(Directory.GetCurrentDirectory());
var stale = new List<string>();
try
{
    foreach (TwinPair pair in TwinFiles.Pairs(root))
    {
        string generated = TwinFiles.Generate(root, pair);
        if (TwinFiles.IsUpToDate(root, pair, generated))
        {
            Console.WriteLine($"notebook-twins: {pair.TwinPath} is up to date");
        }
        else if (check)
        {
            Console.Error.WriteLine($"notebook-twins: {pair.TwinPath} is out of date with {pair.NotebookPath}");
            stale.Add(pair.TwinPath);
        }
        else
        {
            File.WriteAllText(Path.Combine(root, pair.TwinPath), generated);
            Console.WriteLine($"notebook-twins: wrote {pair.TwinPath}");
        }
    }
}
catch (NotebookTranslationException e)
{
    Console.Error.WriteLine($"notebook-twins: {e.Message}");
    return 2;
}

foreach (string orphan in TwinFiles.Orphans(root))
{
    Console.Error.WriteLine($"notebook-twins: {orphan} has no notebook; delete it or add the notebook");
    stale.Add(orphan);
}

if (stale.Count > 0)
{
    Console.Error.WriteLine($"notebook-twins: {stale.Count} twin(s) out of date; regenerate with: {TwinWriter.RegenerateCommand}");
    return 1;
}

return 0;
