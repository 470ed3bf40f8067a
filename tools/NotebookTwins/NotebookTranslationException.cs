namespace NotebookTwins;

/// <summary>A notebook holds something its twin cannot express; the message names the notebook, the cell and the fix.</summary>
internal sealed class NotebookTranslationException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public NotebookTranslationException(string message)
        : base(message)
    {
    }
}
